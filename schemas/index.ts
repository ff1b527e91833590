import { ErrorResponse } from './common.js'
import { Form, FormField, FormSchema } from './forms.js'
import { User } from './users.js'
import { Analytics, FormResponse } from './responses.js'
import { CreatedWebhook, Webhook, WebhookDelivery } from './webhooks.js'
import { FormsByStatusWidget, RecentResponsesWidget, ResponsesLast30DaysWidget, ResponsesPerFormWidget, UserDashboard, Widget } from './dashboards.js'
import { CacheConfig, CacheHealth, CacheKindStats, CacheStats, InvalidationCounts, InvalidationRecord, WarmupResult } from './admin.js'

/** Schemas with an `$id`: added to the instance once, referenced by routes, listed as OpenAPI components. */
export const sharedSchemas = [
  ErrorResponse, FormField, Form, FormSchema, User, FormResponse, Analytics, Webhook, CreatedWebhook, WebhookDelivery, UserDashboard,
  FormsByStatusWidget, ResponsesPerFormWidget, RecentResponsesWidget, ResponsesLast30DaysWidget, Widget,
  CacheKindStats, CacheStats, CacheHealth, CacheConfig, InvalidationCounts, InvalidationRecord, WarmupResult
]
