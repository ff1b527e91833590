// Generated from openapi.yaml by `npm run client` (openapi-typescript): do not edit.

export interface paths {
    "/api/v1/admin/cache/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cache statistics: the original fields, then per tier and per kind */
        get: operations["getCacheStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/cache/all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Drop every cache entry under the key prefix, on every instance (nothing outside the prefix) */
        delete: operations["clearCache"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/cache/pattern/{pattern}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Drop the cache keys matching a glob below the key prefix, on every instance */
        delete: operations["invalidateCachePattern"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/cache/warmup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Warm the form schema and user session caches from the database */
        post: operations["warmCache"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/cache/form/{form_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Drop everything cached for one form (schema, query results, responses, webhooks), on every instance
         * @description The form need not exist any more: what a deleted form left behind can be dropped too.
         */
        delete: operations["invalidateFormCache"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/cache/user/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Drop everything cached for one user (session, dashboard, widgets over their forms), on every instance
         * @description The user need not exist any more.
         */
        delete: operations["invalidateUserCache"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/cache/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cache health: healthy, degraded (in-process tier only, or Redis short of memory) or unhealthy
         * @description Always 200: the status is in the body. The readiness probe is GET /health/ready.
         */
        get: operations["getCacheHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/cache/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The effective cache configuration (the Redis password only as password_set) */
        get: operations["getCacheConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/cache/invalidations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest invalidations on this instance, newest first */
        get: operations["listInvalidations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange email and password for a bearer token */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's dashboard layout (every widget, until they save one) */
        get: operations["getDashboard"];
        /** Save the signed-in user's dashboard layout; each widget at most once */
        put: operations["saveDashboard"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/widgets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The widgets a dashboard can show */
        get: operations["listWidgets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/widgets/{widget_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A widget's data over the signed-in user's forms (an admin's: all forms)
         * @description A well-formed but unknown widget id is a 404 (like any unknown resource); a malformed one a 400.
         */
        get: operations["getWidget"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List forms, most recently updated first */
        get: operations["listForms"];
        put?: never;
        /** Create a form (editor or admin); it starts as a draft unless a status is given */
        post: operations["createForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forms/{form_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a form */
        get: operations["getForm"];
        /** Replace a form (owner or admin); honours If-Match */
        put: operations["replaceForm"];
        post?: never;
        /** Delete a form with its responses and webhooks (owner or admin) */
        delete: operations["deleteForm"];
        options?: never;
        head?: never;
        /** Change some of a form's fields (owner or admin; owner_id: admin only); honours If-Match */
        patch: operations["updateForm"];
        trace?: never;
    };
    "/api/v1/forms/{form_id}/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The form's field schema: public for published forms, signed-in users for the others */
        get: operations["getFormSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forms/{form_id}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a form's responses, newest first */
        get: operations["listResponses"];
        put?: never;
        /**
         * Answer a published form (anyone; rate limited per client)
         * @description The answers are validated against the form's current fields; each failure is a 400 naming the field. Draft and archived forms take no responses (409).
         */
        post: operations["submitResponse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forms/{form_id}/responses/{response_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a response */
        get: operations["getResponse"];
        /**
         * Replace a response's answers (the form's owner or an admin)
         * @description Validated against the form's current fields, whatever its status; the response then records the current form version.
         */
        put: operations["replaceResponse"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forms/{form_id}/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A form's response analytics: totals, the last 30 days, per-field summaries */
        get: operations["getFormAnalytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forms/{form_id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a form's webhooks, oldest first (the form's owner or an admin); secrets are never shown */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Add a webhook to a form (the form's owner or an admin); the answer shows its secret, this once
         * @description Without a secret, a random 256-bit one is generated. Deliveries are JSON POSTs `{ id, event, occurred_at, form_id, data }` signed with `X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with the secret>`, with `X-Webhook-Event` and `X-Webhook-Event-Id` (the same on every retry). Non-2xx answers and timeouts are retried with exponential backoff; the outcome shows as `last_delivery`.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forms/{form_id}/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook with its last delivery (the form's owner or an admin) */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete a webhook (the form's owner or an admin) */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change a webhook (the form's owner or an admin); a new secret is accepted but never shown */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (admin) */
        get: operations["listUsers"];
        put?: never;
        /** Create a user (admin); the role defaults to viewer */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user (admin) */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /** Delete a user (admin); refused while they own forms */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /** Change a user (admin); a role change applies to their next request */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers (no dependency is called) */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: each dependency checked, with its latency; degraded without Redis, 503 when the database is down */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (text exposition format 0.0.4)
         * @description cache_hits_total{kind,tier}, cache_misses_total{kind}, cache_writes_total{kind}, cache_evictions_total{kind}, cache_entries{kind,tier}, cache_errors_total, cache_backend_up, cache_breaker_state (0 closed, 1 half_open, 2 open), cache_invalidations_total{event}, db_reads_total, db_writes_total, http_request_duration_seconds{method,route,status_code} and the process defaults.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * ErrorResponse
         * @description Every error response has this shape
         */
        ErrorResponse: {
            statusCode: number;
            error: string;
            message: string;
            /**
             * @description A stable, machine-readable name of the error; branch on it rather than on the message:
             *
             *     - `BAD_REQUEST` (400): the input breaks a rule the schema cannot express (the message names the field)
             *     - `FST_ERR_VALIDATION` (400): the request does not match the schema: a wrong type, a missing or unknown field, an unknown query parameter
             *     - `FST_ERR_CTP_INVALID_JSON_BODY` (400): the body is not valid JSON
             *     - `FST_ERR_CTP_EMPTY_JSON_BODY` (400): the content type says JSON but the body is empty
             *     - `UNAUTHORIZED` (401): no token, an invalid or expired token, or wrong credentials
             *     - `FORBIDDEN` (403): the signed-in user's role or ownership does not allow this
             *     - `NOT_FOUND` (404): no resource has this id
             *     - `CONFLICT` (409): the resource is not in a state that allows this (for example answering a draft form)
             *     - `DUPLICATE` (409): a unique value is already taken (for example an email address)
             *     - `PRECONDITION_FAILED` (412): `If-Match` names a version that is no longer current: read the resource again
             *     - `FST_ERR_CTP_BODY_TOO_LARGE` (413): the body is larger than 1 MiB
             *     - `FST_ERR_CTP_INVALID_MEDIA_TYPE` (415): the body is not `application/json`
             *     - `DATABASE_UNAVAILABLE` (503): the database did not answer and the cache holds nothing to serve instead
             */
            code?: string;
        };
        /** FormField */
        FormField: {
            name: string;
            label: string;
            /** @enum {string} */
            type: "text" | "textarea" | "number" | "email" | "date" | "select" | "checkbox";
            /** @default false */
            required?: boolean;
            /** @description required for select and checkbox fields */
            options?: string[];
        };
        /** Form */
        Form: {
            /**
             * @description 24-hex-character ObjectId
             * @example 665f1c2e9b1e8a3d4c5b6a79
             */
            id: string;
            title: string;
            description: string;
            /** @enum {string} */
            status: "draft" | "published" | "archived";
            fields: components["schemas"]["FormField"][];
            /**
             * @description 24-hex-character ObjectId
             * @example 665f1c2e9b1e8a3d4c5b6a79
             */
            owner_id: string;
            /** @description incremented on every change */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** FormSchema */
        FormSchema: {
            /**
             * @description 24-hex-character ObjectId
             * @example 665f1c2e9b1e8a3d4c5b6a79
             */
            form_id: string;
            title: string;
            description: string;
            /** @enum {string} */
            status: "draft" | "published" | "archived";
            version: number;
            fields: components["schemas"]["FormField"][];
        };
        /** User */
        User: {
            /**
             * @description 24-hex-character ObjectId
             * @example 665f1c2e9b1e8a3d4c5b6a79
             */
            id: string;
            /** Format: email */
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "editor" | "viewer";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** FormResponse */
        FormResponse: {
            /**
             * @description 24-hex-character ObjectId
             * @example 665f1c2e9b1e8a3d4c5b6a79
             */
            id: string;
            /**
             * @description 24-hex-character ObjectId
             * @example 665f1c2e9b1e8a3d4c5b6a79
             */
            form_id: string;
            /** @description the version of the form the answers were validated against */
            form_version: number;
            /** @description field name → value, checked against the form's current field definitions: unknown names, missing required fields (absent, blank, or no option ticked) and values of the wrong type are a 400 naming the field. Leave unanswered optional fields out. */
            answers: {
                [key: string]: string | number | boolean | string[];
            };
            /** Format: date-time */
            submitted_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** Analytics */
        Analytics: {
            /**
             * @description 24-hex-character ObjectId
             * @example 665f1c2e9b1e8a3d4c5b6a79
             */
            form_id: string;
            total_responses: number;
            /** @description the last 30 UTC days up to today, oldest first, days without responses included with 0 */
            responses_per_day: {
                /** Format: date */
                date: string;
                count: number;
            }[];
            /** @description per field: value counts for select/checkbox fields, min/max/mean for number fields; other fields are not summarised */
            fields: {
                [key: string]: {
                    counts: {
                        [key: string]: number;
                    };
                } | {
                    min: number;
                    max: number;
                    mean: number;
                };
            };
        };
        /**
         * Webhook
         * @description A webhook; its secret is never shown after creation
         */
        Webhook: {
            /**
             * @description 24-hex-character ObjectId
             * @example 665f1c2e9b1e8a3d4c5b6a79
             */
            id: string;
            /**
             * @description 24-hex-character ObjectId
             * @example 665f1c2e9b1e8a3d4c5b6a79
             */
            form_id: string;
            /**
             * Format: uri
             * @description http or https. Link-local and cloud-metadata addresses are always refused; loopback, private and unspecified addresses unless the service runs with WEBHOOK_ALLOW_PRIVATE=true. Literal IPs are checked here, host names when each delivery connects.
             */
            url: string;
            /** @description the events delivered to this URL */
            events: ("response.submitted" | "response.updated" | "form.updated" | "form.deleted")[];
            active: boolean;
            /** @description the outcome of the latest delivery attempt */
            last_delivery?: {
                /** @enum {string} */
                event: "response.submitted" | "response.updated" | "form.updated" | "form.deleted";
                /**
                 * @description retrying: the last attempt failed and another is scheduled
                 * @enum {string}
                 */
                status: "success" | "failed" | "retrying";
                /** @description the receiver's HTTP status, when it answered */
                status_code?: number;
                /** @description attempts made for this event so far */
                attempts: number;
                error?: string;
                /** Format: date-time */
                at: string;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** CreatedWebhook */
        CreatedWebhook: {
            /**
             * @description 24-hex-character ObjectId
             * @example 665f1c2e9b1e8a3d4c5b6a79
             */
            id: string;
            /**
             * @description 24-hex-character ObjectId
             * @example 665f1c2e9b1e8a3d4c5b6a79
             */
            form_id: string;
            /**
             * Format: uri
             * @description http or https. Link-local and cloud-metadata addresses are always refused; loopback, private and unspecified addresses unless the service runs with WEBHOOK_ALLOW_PRIVATE=true. Literal IPs are checked here, host names when each delivery connects.
             */
            url: string;
            /** @description the events delivered to this URL */
            events: ("response.submitted" | "response.updated" | "form.updated" | "form.deleted")[];
            active: boolean;
            /** @description the outcome of the latest delivery attempt */
            last_delivery?: {
                /** @enum {string} */
                event: "response.submitted" | "response.updated" | "form.updated" | "form.deleted";
                /**
                 * @description retrying: the last attempt failed and another is scheduled
                 * @enum {string}
                 */
                status: "success" | "failed" | "retrying";
                /** @description the receiver's HTTP status, when it answered */
                status_code?: number;
                /** @description attempts made for this event so far */
                attempts: number;
                error?: string;
                /** Format: date-time */
                at: string;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** @description keep it: it is shown only this once (set a new one with PATCH) */
            secret: string;
        };
        /** UserDashboard */
        UserDashboard: {
            /**
             * @description 24-hex-character ObjectId
             * @example 665f1c2e9b1e8a3d4c5b6a79
             */
            user_id: string;
            /**
             * @example {
             *       "widgets": [
             *         {
             *           "widget_id": "forms_by_status",
             *           "x": 0,
             *           "y": 0,
             *           "w": 6,
             *           "h": 4
             *         },
             *         {
             *           "widget_id": "responses_last_30_days",
             *           "x": 6,
             *           "y": 0,
             *           "w": 6,
             *           "h": 4
             *         }
             *       ]
             *     }
             */
            layout: {
                /** @description each widget at most once */
                widgets: {
                    /** @enum {string} */
                    widget_id: "forms_by_status" | "responses_per_form" | "recent_responses" | "responses_last_30_days";
                    x: number;
                    y: number;
                    w: number;
                    h: number;
                }[];
            };
            /** @description when the layout was saved; null while it is the default */
            updated_at: string | null;
        };
        /** FormsByStatusWidget */
        FormsByStatusWidget: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            widget_id: "forms_by_status";
            /** @description how many forms have each status */
            data: {
                draft: number;
                published: number;
                archived: number;
            };
            /** Format: date-time */
            generated_at: string;
        };
        /** ResponsesPerFormWidget */
        ResponsesPerFormWidget: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            widget_id: "responses_per_form";
            /** @description the 10 forms with the most responses, most first */
            data: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
                title: string;
                count: number;
            }[];
            /** Format: date-time */
            generated_at: string;
        };
        /** RecentResponsesWidget */
        RecentResponsesWidget: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            widget_id: "recent_responses";
            /** @description the 10 latest responses, newest first */
            data: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                id: string;
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
                form_title: string;
                form_version: number;
                /** @description field name → value, checked against the form's current field definitions: unknown names, missing required fields (absent, blank, or no option ticked) and values of the wrong type are a 400 naming the field. Leave unanswered optional fields out. */
                answers: {
                    [key: string]: string | number | boolean | string[];
                };
                /** Format: date-time */
                submitted_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /** Format: date-time */
            generated_at: string;
        };
        /** ResponsesLast30DaysWidget */
        ResponsesLast30DaysWidget: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            widget_id: "responses_last_30_days";
            /** @description one entry per UTC day, oldest first, 0 on days without responses */
            data: {
                /** Format: date */
                date: string;
                count: number;
            }[];
            /** Format: date-time */
            generated_at: string;
        };
        /**
         * Widget
         * @description computed over the user's own forms, an admin's over all forms; `data` has the shape `widget_id` names
         */
        Widget: components["schemas"]["FormsByStatusWidget"] | components["schemas"]["ResponsesPerFormWidget"] | components["schemas"]["RecentResponsesWidget"] | components["schemas"]["ResponsesLast30DaysWidget"];
        /** CacheKindStats */
        CacheKindStats: {
            hits: number;
            hits_l1: number;
            hits_l2: number;
            misses: number;
            hit_ratio: number;
            writes: number;
            /** @description loader calls: how often the source (the database) was asked */
            loads: number;
            /** @description entries pushed out by the kind's size limit, both tiers */
            evictions: number;
            evictions_l1: number;
            evictions_l2: number;
            entries_l1: number;
            entries_l2: number;
            /** @description seconds */
            ttl: number;
            max_entries: number;
        };
        /** CacheStats */
        CacheStats: {
            /**
             * @description redis while Redis answers; memory while the service runs on the in-process tier alone
             * @enum {string}
             */
            backend: "redis" | "memory";
            /** @description whether the Redis command connection is up */
            connected: boolean;
            /** @description cache entries held (in Redis; in process while on the memory backend) */
            total_keys: number;
            hits: number;
            misses: number;
            hit_ratio: number;
            /** @description bytes: Redis used_memory, or the in-process payload bytes on the memory backend */
            memory_used: number;
            /** @example 1.50M */
            memory_human: string;
            evictions: number;
            writes: number;
            /** @description failed Redis operations since start-up */
            errors: number;
            cache_enabled: boolean;
            tiers: {
                l1: {
                    enabled: boolean;
                    hits: number;
                    entries: number;
                    bytes: number;
                };
                l2: {
                    hits: number;
                    entries: number;
                    /** @description null while Redis is not used */
                    used_memory: number | null;
                    /** @description keys Redis itself evicted (maxmemory); null while Redis is not used */
                    evicted_keys: number | null;
                };
            };
            /**
             * @description the Redis circuit breaker: open while Redis is skipped, half_open while a probe runs
             * @enum {string}
             */
            breaker: "closed" | "half_open" | "open";
            kinds: {
                form_schema: components["schemas"]["CacheKindStats"];
                user_session: components["schemas"]["CacheKindStats"];
                query_result: components["schemas"]["CacheKindStats"];
                dashboard_widget: components["schemas"]["CacheKindStats"];
                api_response: components["schemas"]["CacheKindStats"];
            };
        };
        /** CacheHealth */
        CacheHealth: {
            /**
             * @description healthy: Redis answers; degraded: serving from the in-process tier (or Redis short of memory); unhealthy: no cache tier works
             * @enum {string}
             */
            status: "healthy" | "degraded" | "unhealthy";
            /**
             * @description redis while Redis answers; memory while the service runs on the in-process tier alone
             * @enum {string}
             */
            backend: "redis" | "memory";
            connected: boolean;
            /** @description Redis round trip; null when Redis was not asked (breaker open) or did not answer */
            ping_ms: number | null;
            /**
             * @description the Redis circuit breaker: open while Redis is skipped, half_open while a probe runs
             * @enum {string}
             */
            breaker: "closed" | "half_open" | "open";
            /** @description whether invalidations from other instances reach this one */
            subscribed: boolean;
            /** @description Redis uses more than CACHE_MAX_MEMORY_PERCENT of REDIS_MAX_MEMORY */
            memory_pressure: boolean;
            /** @description new epochs started after a lost connection to Redis (each made every stored entry stale) */
            epochs: number;
            /** @description invalidations waiting to be replayed when Redis answers again */
            pending_invalidations: number;
            /** @description the last Redis error seen */
            last_error: string | null;
        };
        /** CacheConfig */
        CacheConfig: {
            enabled: boolean;
            /** @description seconds */
            default_ttl: number;
            max_memory_percent: number;
            /** @description deadline of each Redis operation */
            op_timeout_ms: number;
            l1_enabled: boolean;
            /** @description bytes; larger values are stored deflated in Redis (0: never) */
            compress_threshold: number;
            warmup_on_start: boolean;
            /** @description every key the service writes starts with it */
            key_prefix: string;
            kinds: {
                form_schema: {
                    /** @description seconds */
                    ttl: number;
                    max_entries: number;
                    key_prefix: string;
                };
                user_session: {
                    /** @description seconds */
                    ttl: number;
                    max_entries: number;
                    key_prefix: string;
                };
                query_result: {
                    /** @description seconds */
                    ttl: number;
                    max_entries: number;
                    key_prefix: string;
                };
                dashboard_widget: {
                    /** @description seconds */
                    ttl: number;
                    max_entries: number;
                    key_prefix: string;
                };
                api_response: {
                    /** @description seconds */
                    ttl: number;
                    max_entries: number;
                    key_prefix: string;
                };
            };
            redis: {
                host: string;
                port: number;
                db: number;
                /** @description whether REDIS_PASSWORD is set; the password itself is never shown */
                password_set: boolean;
                max_memory: string;
                max_memory_bytes: number;
                max_connections: number;
                socket_timeout_ms: number;
                connect_timeout_ms: number;
            };
        };
        /**
         * InvalidationCounts
         * @description cache entries dropped, per kind
         */
        InvalidationCounts: {
            form_schemas_invalidated: number;
            query_results_invalidated: number;
            dashboard_widgets_invalidated: number;
            api_responses_invalidated: number;
            user_sessions_invalidated: number;
        };
        /** InvalidationRecord */
        InvalidationRecord: {
            /** @example on_form_updated */
            event: string;
            /**
             * @description the ids the handler was called with
             * @example {
             *       "form_id": "665f1c2e9b1e8a3d4c5b6a79"
             *     }
             */
            args: {
                [key: string]: unknown;
            };
            counts: components["schemas"]["InvalidationCounts"];
            /** Format: date-time */
            at: string;
            /** @description the instance that ran the handler */
            instance: string;
        };
        /** WarmupResult */
        WarmupResult: {
            /** @enum {string} */
            source: "request" | "database";
            forms_warmed: number;
            users_warmed: number;
            /** @description requested ids the database does not know (nothing cached) */
            forms_not_found: string[];
            users_not_found: string[];
            duration_ms: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type ErrorResponse = components['schemas']['ErrorResponse'];
export type FormField = components['schemas']['FormField'];
export type Form = components['schemas']['Form'];
export type FormSchema = components['schemas']['FormSchema'];
export type User = components['schemas']['User'];
export type FormResponse = components['schemas']['FormResponse'];
export type Analytics = components['schemas']['Analytics'];
export type Webhook = components['schemas']['Webhook'];
export type CreatedWebhook = components['schemas']['CreatedWebhook'];
export type UserDashboard = components['schemas']['UserDashboard'];
export type FormsByStatusWidget = components['schemas']['FormsByStatusWidget'];
export type ResponsesPerFormWidget = components['schemas']['ResponsesPerFormWidget'];
export type RecentResponsesWidget = components['schemas']['RecentResponsesWidget'];
export type ResponsesLast30DaysWidget = components['schemas']['ResponsesLast30DaysWidget'];
export type Widget = components['schemas']['Widget'];
export type CacheKindStats = components['schemas']['CacheKindStats'];
export type CacheStats = components['schemas']['CacheStats'];
export type CacheHealth = components['schemas']['CacheHealth'];
export type CacheConfig = components['schemas']['CacheConfig'];
export type InvalidationCounts = components['schemas']['InvalidationCounts'];
export type InvalidationRecord = components['schemas']['InvalidationRecord'];
export type WarmupResult = components['schemas']['WarmupResult'];
export type $defs = Record<string, never>;
export interface operations {
    getCacheStats: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statistics, as of now */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CacheStats"];
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    clearCache: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many keys were deleted */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description keys deleted from Redis (entries and their bookkeeping), or in-process entries on the memory backend */
                        keys_deleted: number;
                    };
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    invalidateCachePattern: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a Redis glob (`*`, `?`, `[...]`, `\x`) relative to the key prefix, URL-encoded, e.g. `form:schema:*`; it never matches a key outside the prefix. Control characters and malformed classes are a 400. */
                pattern: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pattern and how many keys it deleted */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pattern: string;
                        /** @description keys deleted from Redis (entries and their bookkeeping), or in-process entries on the memory backend */
                        keys_deleted: number;
                    };
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    warmCache: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Leave the body out (or send `{}`) to warm the 100 most recently updated published forms and the 100 most recently updated users; with `forms` and/or `users`, exactly those. */
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "forms": [
                 *         "665f1c2e9b1e8a3d4c5b6a79"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description forms to warm: ids, or objects with an `id` (as the original API took them; other properties are ignored, values are always read from the database) */
                    forms?: (string | ({
                        /**
                         * @description 24-hex-character ObjectId
                         * @example 665f1c2e9b1e8a3d4c5b6a79
                         */
                        id: string;
                    } & {
                        [key: string]: unknown;
                    }))[];
                    /** @description users to warm: ids, or objects with an `id` (as the original API took them; other properties are ignored, values are always read from the database) */
                    users?: (string | ({
                        /**
                         * @description 24-hex-character ObjectId
                         * @example 665f1c2e9b1e8a3d4c5b6a79
                         */
                        id: string;
                    } & {
                        [key: string]: unknown;
                    }))[];
                } | null;
            };
        };
        responses: {
            /** @description What was warmed, and the ids the database does not know */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarmupResult"];
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large (over 1 MiB) (code `FST_ERR_CTP_BODY_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `FST_ERR_CTP_INVALID_MEDIA_TYPE`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    invalidateFormCache: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entries dropped, per kind */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvalidationCounts"];
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    invalidateUserCache: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entries dropped, per kind */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvalidationCounts"];
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getCacheHealth: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cache's health (the status is in the body) */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CacheHealth"];
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getCacheConfig: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The effective configuration */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CacheConfig"];
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listInvalidations: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest invalidations, newest first */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description newest first; this instance's log (the last 1000 calls) */
                        items: components["schemas"]["InvalidationRecord"][];
                    };
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The first user is the bootstrap admin: the `ADMIN_EMAIL` and `ADMIN_PASSWORD` the service was started with (created when the database has no user yet). The example is the one the README starts the service with. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "admin@example.com",
                 *       "password": "change-me-please"
                 *     }
                 */
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description A bearer token for the user */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description requests allowed per window (one minute) for this client */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the current window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the window resets */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        /** @enum {string} */
                        token_type: "Bearer";
                        /** @description seconds until the token expires */
                        expires_in: number;
                    };
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large (over 1 MiB) (code `FST_ERR_CTP_BODY_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `FST_ERR_CTP_INVALID_MEDIA_TYPE`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests: wait for `Retry-After` seconds */
            429: {
                headers: {
                    /** @description seconds until the limit resets */
                    "Retry-After"?: number;
                    /** @description requests allowed per window (one minute) for this client */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the current window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the window resets */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getDashboard: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The layout (the default one until the user saves theirs) */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    /** @description per-user responses vary by `Authorization` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDashboard"];
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    /** @description per-user responses vary by `Authorization` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    saveDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "widgets": [
                 *         {
                 *           "widget_id": "forms_by_status",
                 *           "x": 0,
                 *           "y": 0,
                 *           "w": 6,
                 *           "h": 4
                 *         },
                 *         {
                 *           "widget_id": "responses_last_30_days",
                 *           "x": 6,
                 *           "y": 0,
                 *           "w": 6,
                 *           "h": 4
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description each widget at most once */
                    widgets: {
                        /** @enum {string} */
                        widget_id: "forms_by_status" | "responses_per_form" | "recent_responses" | "responses_last_30_days";
                        x: number;
                        y: number;
                        w: number;
                        h: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description The layout as saved */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDashboard"];
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large (over 1 MiB) (code `FST_ERR_CTP_BODY_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `FST_ERR_CTP_INVALID_MEDIA_TYPE`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listWidgets: {
        parameters: {
            query?: {
                page?: number;
                per_page?: number;
            };
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the widget catalogue, in the default layout's order */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            id: "forms_by_status" | "responses_per_form" | "recent_responses" | "responses_last_30_days";
                            title: string;
                            description: string;
                        }[];
                        page: number;
                        per_page: number;
                        total: number;
                    };
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getWidget: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path: {
                /** @description one of forms_by_status, responses_per_form, recent_responses, responses_last_30_days; another well-formed id is a 404, a malformed one a 400 */
                widget_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The widget's data */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    /** @description per-user responses vary by `Authorization` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Widget"];
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    /** @description per-user responses vary by `Authorization` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listForms: {
        parameters: {
            query?: {
                status?: "draft" | "published" | "archived";
                /** @description case-insensitive literal substring of title or description */
                q?: string;
                page?: number;
                per_page?: number;
            };
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of forms, most recently updated first */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Form"][];
                        page: number;
                        per_page: number;
                        total: number;
                    };
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createForm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Customer feedback",
                 *       "description": "Tell us how we did",
                 *       "fields": [
                 *         {
                 *           "name": "full_name",
                 *           "label": "Full name",
                 *           "type": "text",
                 *           "required": true
                 *         },
                 *         {
                 *           "name": "email",
                 *           "label": "Email",
                 *           "type": "email"
                 *         },
                 *         {
                 *           "name": "rating",
                 *           "label": "How would you rate us?",
                 *           "type": "select",
                 *           "required": true,
                 *           "options": [
                 *             "1",
                 *             "2",
                 *             "3",
                 *             "4",
                 *             "5"
                 *           ]
                 *         },
                 *         {
                 *           "name": "topics",
                 *           "label": "What did you use?",
                 *           "type": "checkbox",
                 *           "options": [
                 *             "forms",
                 *             "dashboards",
                 *             "webhooks"
                 *           ]
                 *         },
                 *         {
                 *           "name": "visits",
                 *           "label": "Visits this month",
                 *           "type": "number"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    title: string;
                    description?: string;
                    /** @enum {string} */
                    status?: "draft" | "published" | "archived";
                    fields?: components["schemas"]["FormField"][];
                };
            };
        };
        responses: {
            /** @description The form, created */
            201: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description the path of the resource just created */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Form"];
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large (over 1 MiB) (code `FST_ERR_CTP_BODY_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `FST_ERR_CTP_INVALID_MEDIA_TYPE`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getForm: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The form */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Form"];
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    replaceForm: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag of the form as last read; 412 when it changed since */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Customer feedback",
                 *       "description": "Tell us how we did this month",
                 *       "status": "draft",
                 *       "fields": [
                 *         {
                 *           "name": "full_name",
                 *           "label": "Full name",
                 *           "type": "text",
                 *           "required": true
                 *         },
                 *         {
                 *           "name": "email",
                 *           "label": "Email",
                 *           "type": "email"
                 *         },
                 *         {
                 *           "name": "rating",
                 *           "label": "How would you rate us?",
                 *           "type": "select",
                 *           "required": true,
                 *           "options": [
                 *             "1",
                 *             "2",
                 *             "3",
                 *             "4",
                 *             "5"
                 *           ]
                 *         },
                 *         {
                 *           "name": "topics",
                 *           "label": "What did you use?",
                 *           "type": "checkbox",
                 *           "options": [
                 *             "forms",
                 *             "dashboards",
                 *             "webhooks"
                 *           ]
                 *         },
                 *         {
                 *           "name": "visits",
                 *           "label": "Visits this month",
                 *           "type": "number"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    title: string;
                    description?: string;
                    /** @enum {string} */
                    status: "draft" | "published" | "archived";
                    fields: components["schemas"]["FormField"][];
                };
            };
        };
        responses: {
            /** @description The form as replaced */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Form"];
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the resource's current state (code `CONFLICT`, `DUPLICATE`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource changed since the `If-Match` ETag was read (code `PRECONDITION_FAILED`) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large (over 1 MiB) (code `FST_ERR_CTP_BODY_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `FST_ERR_CTP_INVALID_MEDIA_TYPE`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteForm: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag of the form as last read; 412 when it changed since */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource changed since the `If-Match` ETag was read (code `PRECONDITION_FAILED`) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    updateForm: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag of the form as last read; 412 when it changed since */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "published"
                 *     }
                 */
                "application/json": {
                    title?: string;
                    description?: string;
                    /** @enum {string} */
                    status?: "draft" | "published" | "archived";
                    fields?: components["schemas"]["FormField"][];
                    /** @description admins only: reassign the form to another user */
                    owner_id?: string;
                };
            };
        };
        responses: {
            /** @description The form as changed */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Form"];
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the resource's current state (code `CONFLICT`, `DUPLICATE`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource changed since the `If-Match` ETag was read (code `PRECONDITION_FAILED`) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large (over 1 MiB) (code `FST_ERR_CTP_BODY_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `FST_ERR_CTP_INVALID_MEDIA_TYPE`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getFormSchema: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The form's field schema */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormSchema"];
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listResponses: {
        parameters: {
            query?: {
                page?: number;
                per_page?: number;
            };
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of responses, newest first */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["FormResponse"][];
                        page: number;
                        per_page: number;
                        total: number;
                    };
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    submitResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "answers": {
                 *         "full_name": "Ada Lovelace",
                 *         "email": "ada@example.com",
                 *         "rating": "5",
                 *         "topics": [
                 *           "forms",
                 *           "webhooks"
                 *         ],
                 *         "visits": 3
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description field name → value, checked against the form's current field definitions: unknown names, missing required fields (absent, blank, or no option ticked) and values of the wrong type are a 400 naming the field. Leave unanswered optional fields out. */
                    answers: {
                        [key: string]: string | number | boolean | string[];
                    };
                };
            };
        };
        responses: {
            /** @description The response, recorded */
            201: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description the path of the resource just created */
                    Location?: string;
                    /** @description requests allowed per window (one minute) for this client */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the current window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the window resets */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormResponse"];
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the resource's current state (code `CONFLICT`, `DUPLICATE`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large (over 1 MiB) (code `FST_ERR_CTP_BODY_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `FST_ERR_CTP_INVALID_MEDIA_TYPE`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests: wait for `Retry-After` seconds */
            429: {
                headers: {
                    /** @description seconds until the limit resets */
                    "Retry-After"?: number;
                    /** @description requests allowed per window (one minute) for this client */
                    "X-RateLimit-Limit"?: number;
                    /** @description requests left in the current window */
                    "X-RateLimit-Remaining"?: number;
                    /** @description seconds until the window resets */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getResponse: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                response_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The response */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormResponse"];
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    replaceResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                response_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "answers": {
                 *         "full_name": "Ada Lovelace",
                 *         "email": "ada@example.com",
                 *         "rating": "5",
                 *         "topics": [
                 *           "forms",
                 *           "webhooks"
                 *         ],
                 *         "visits": 3
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description field name → value, checked against the form's current field definitions: unknown names, missing required fields (absent, blank, or no option ticked) and values of the wrong type are a 400 naming the field. Leave unanswered optional fields out. */
                    answers: {
                        [key: string]: string | number | boolean | string[];
                    };
                };
            };
        };
        responses: {
            /** @description The response with its new answers */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormResponse"];
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large (over 1 MiB) (code `FST_ERR_CTP_BODY_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `FST_ERR_CTP_INVALID_MEDIA_TYPE`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getFormAnalytics: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The form's analytics */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Analytics"];
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                page?: number;
                per_page?: number;
            };
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the form's webhooks, oldest first */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    /** @description per-user responses vary by `Authorization` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Webhook"][];
                        page: number;
                        per_page: number;
                        total: number;
                    };
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    /** @description per-user responses vary by `Authorization` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://hooks.example.com/forms",
                 *       "events": [
                 *         "response.submitted"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: uri
                     * @description http or https. Link-local and cloud-metadata addresses are always refused; loopback, private and unspecified addresses unless the service runs with WEBHOOK_ALLOW_PRIVATE=true. Literal IPs are checked here, host names when each delivery connects.
                     */
                    url: string;
                    /** @description the events delivered to this URL */
                    events: ("response.submitted" | "response.updated" | "form.updated" | "form.deleted")[];
                    /** @default true */
                    active?: boolean;
                    /** @description the HMAC-SHA256 key of the X-Webhook-Signature header; generated when absent. Returned only by the POST that creates the webhook. */
                    secret?: string;
                };
            };
        };
        responses: {
            /** @description The webhook with its secret (shown only this once) */
            201: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description the path of the resource just created */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhook"];
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the resource's current state (code `CONFLICT`, `DUPLICATE`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large (over 1 MiB) (code `FST_ERR_CTP_BODY_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `FST_ERR_CTP_INVALID_MEDIA_TYPE`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    /** @description per-user responses vary by `Authorization` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data (`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow and an entry past its TTL (within the grace period) was served */
                    "X-Cache"?: "HIT" | "MISS" | "BYPASS" | "STALE";
                    /** @description the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, `forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; `; collapsed` is added when the request waited for another request's load */
                    "Cache-Status"?: string;
                    /** @description seconds since the cached response was stored (on hits) */
                    Age?: number;
                    /** @description `no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user */
                    "Cache-Control"?: string;
                    /** @description per-user responses vary by `Authorization` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                form_id: string;
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "active": false
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: uri
                     * @description http or https. Link-local and cloud-metadata addresses are always refused; loopback, private and unspecified addresses unless the service runs with WEBHOOK_ALLOW_PRIVATE=true. Literal IPs are checked here, host names when each delivery connects.
                     */
                    url?: string;
                    /** @description the events delivered to this URL */
                    events?: ("response.submitted" | "response.updated" | "form.updated" | "form.deleted")[];
                    active?: boolean;
                    /** @description the HMAC-SHA256 key of the X-Webhook-Signature header; generated when absent. Returned only by the POST that creates the webhook. */
                    secret?: string;
                };
            };
        };
        responses: {
            /** @description The webhook as changed */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large (over 1 MiB) (code `FST_ERR_CTP_BODY_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `FST_ERR_CTP_INVALID_MEDIA_TYPE`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in user */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                page?: number;
                per_page?: number;
            };
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["User"][];
                        page: number;
                        per_page: number;
                        total: number;
                    };
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "editor@example.com",
                 *       "name": "Edith Editor",
                 *       "password": "correct-horse-battery",
                 *       "role": "editor"
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email: string;
                    name: string;
                    password: string;
                    /** @enum {string} */
                    role?: "admin" | "editor" | "viewer";
                };
            };
        };
        responses: {
            /** @description The user, created */
            201: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    /** @description the path of the resource just created */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the resource's current state (code `CONFLICT`, `DUPLICATE`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large (over 1 MiB) (code `FST_ERR_CTP_BODY_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `FST_ERR_CTP_INVALID_MEDIA_TYPE`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the resource's current state (code `CONFLICT`, `DUPLICATE`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 24-hex-character ObjectId
                 * @example 665f1c2e9b1e8a3d4c5b6a79
                 */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "role": "viewer"
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email?: string;
                    name?: string;
                    password?: string;
                    /** @enum {string} */
                    role?: "admin" | "editor" | "viewer";
                };
            };
        };
        responses: {
            /** @description The user as changed */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not allowed for the signed-in user (code `FORBIDDEN`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found (code `NOT_FOUND`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict with the resource's current state (code `CONFLICT`, `DUPLICATE`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large (over 1 MiB) (code `FST_ERR_CTP_BODY_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `FST_ERR_CTP_INVALID_MEDIA_TYPE`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        uptime_seconds: number;
                    };
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready, or degraded (running without Redis) */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready" | "degraded" | "unavailable";
                        checks: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                latency_ms: number;
                                detail?: string;
                            };
                        };
                    };
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The database is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready" | "degraded" | "unavailable";
                        checks: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                latency_ms: number;
                                detail?: string;
                            };
                        };
                    };
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Not modified: `If-None-Match` lists the current ETag; no body */
            304: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`, `FST_ERR_VALIDATION`, `FST_ERR_CTP_INVALID_JSON_BODY`, `FST_ERR_CTP_EMPTY_JSON_BODY`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
