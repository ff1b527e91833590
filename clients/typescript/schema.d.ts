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
        /**
         * Exchange email and password for a bearer token
         * @description Rate limited per client address and, separately, per account (RATE_LIMIT_LOGIN attempts a minute each, whether the account exists or not). A password change or an admin's revocation ends every token issued before it.
         */
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
        /** List a form's responses, newest first (the form's owner or an admin: answers are personal data) */
        get: operations["listResponses"];
        put?: never;
        /**
         * Answer a published form (anyone; rate limited per client)
         * @description The answers are validated against the form's current fields; each failure is a 400 naming the field. Draft and archived forms take no responses: 404 for an anonymous client (as for an unknown id), 409 for a signed-in user.
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
        /** Get a response (the form's owner or an admin) */
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
        /** A form's response analytics: totals, the last 30 days, per-field summaries (the form's owner or an admin) */
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
         * @description Without a secret, a random `whsec_` secret (256 bits) is generated. Deliveries are JSON POSTs `{ id, event, occurred_at, form_id, data }` signed as Standard Webhooks specify: `webhook-id` (the delivery's id, the same on every retry: deduplicate on it), `webhook-timestamp` (Unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">`. For existing receivers, `X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with the secret string>` too, with `X-Webhook-Event` and `X-Webhook-Event-Id`. Delivery is at least once, in no guaranteed order; non-2xx answers and timeouts are retried with exponential backoff, up to WEBHOOK_MAX_ATTEMPTS attempts. Every delivery is in the delivery log.
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
    "/api/v1/forms/{form_id}/webhooks/{webhook_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook's delivery log, newest first (the form's owner or an admin)
         * @description One item per event delivered to this webhook: its status, attempts, the latest answer or class of failure, and when the next attempt is due. Kept for OUTBOX_RETENTION_HOURS after it finished. Deliveries are JSON POSTs `{ id, event, occurred_at, form_id, data }` signed as Standard Webhooks specify: `webhook-id` (the delivery's id, the same on every retry: deduplicate on it), `webhook-timestamp` (Unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">`. For existing receivers, `X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with the secret string>` too, with `X-Webhook-Event` and `X-Webhook-Event-Id`. Delivery is at least once, in no guaranteed order; non-2xx answers and timeouts are retried with exponential backoff, up to WEBHOOK_MAX_ATTEMPTS attempts. Every delivery is in the delivery log.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
        /**
         * Change one's own name, or one's own password (with current_password)
         * @description A new password ends every session: all tokens issued so far, this one included, are refused from the next request on (log in again). Wrong current_password is a 403; attempts count against the account's login limit (429).
         */
        patch: operations["updateMe"];
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
        /** Change a user (admin); a role change applies to their next request, a new password ends their sessions */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/users/{user_id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End every session of a user (admin): all their tokens issued so far are refused from the next request on */
        delete: operations["revokeUserSessions"];
        options?: never;
        head?: never;
        patch?: never;
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
             *     - `BAD_REQUEST` (400): The request is malformed or breaks a rule: invalid JSON, a wrong type, an unknown field or query parameter, a bad id; the message names the problem
             *     - `UNAUTHORIZED` (401): No access token was sent (Authorization: Bearer <token>), or the email and password do not match
             *     - `INVALID_TOKEN` (401): The access token is malformed, expired or revoked (a password change or an admin revoked the sessions), or its user no longer exists: log in again
             *     - `FORBIDDEN` (403): Signed in, but the role or the ownership needed is missing (or the current password is wrong)
             *     - `NOT_FOUND` (404): No such resource (unknown id, or a draft form asked for anonymously) or no such route
             *     - `CONFLICT` (409): The request conflicts with the resource's state (e.g. a form that is not published, a user who still owns forms)
             *     - `DUPLICATE` (409): A unique value is taken (e.g. an email already in use)
             *     - `PRECONDITION_FAILED` (412): If-Match does not match the resource's current ETag
             *     - `PAYLOAD_TOO_LARGE` (413): The body is over 1 MiB
             *     - `URI_TOO_LONG` (414): A path parameter is over 512 characters
             *     - `UNSUPPORTED_MEDIA_TYPE` (415): The body is not JSON (Content-Type application/json)
             *     - `RATE_LIMITED` (429): Too many requests from this client (or for this account): wait as long as Retry-After says
             *     - `INTERNAL_ERROR` (500): A fault in the service; the details are in its log, never in the response
             *     - `DATABASE_UNAVAILABLE` (503): The database did not answer and the cache holds nothing to serve instead
             *     - `SERVICE_UNAVAILABLE` (503): The instance is shutting down: retry on another one
             */
            code: string;
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
            /** @description the outcome of the latest delivery attempt; every delivery is in the delivery log */
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
                /** @description the class of failure: `timeout`, `connection refused`, `tls error`, `HTTP 503`, ... (see the delivery log) */
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
            /** @description the outcome of the latest delivery attempt; every delivery is in the delivery log */
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
                /** @description the class of failure: `timeout`, `connection refused`, `tls error`, `HTTP 503`, ... (see the delivery log) */
                error?: string;
                /** Format: date-time */
                at: string;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /**
             * @description keep it: it is shown only this once (set a new one with PATCH)
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        /** WebhookDelivery */
        WebhookDelivery: {
            /** @description the `webhook-id` header of every attempt of this delivery */
            id: string;
            /** @enum {string} */
            event: "response.submitted" | "response.updated" | "form.updated" | "form.deleted";
            /**
             * @description pending: not yet answered with a 2xx and more attempts are due; failed: the attempts ran out, or the webhook was deactivated or deleted
             * @enum {string}
             */
            status: "pending" | "delivered" | "failed";
            /** @description attempts made so far */
            attempts: number;
            /** @description the receiver's HTTP status on the latest attempt, when it answered */
            last_status_code: number | null;
            /** @description why the latest attempt failed, as a class: `timeout`, `connection refused`, `dns lookup failed`, `tls error`, `network error`, `HTTP <status>`, `address not allowed`, `webhook inactive`, `webhook deleted`, `interrupted` */
            last_error: string | null;
            /** @description when the next attempt is due (pending deliveries only) */
            next_attempt_at: string | null;
            /** Format: date-time */
            created_at: string;
            delivered_at: string | null;
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
            /** @description values larger than CACHE_MAX_ENTRY_BYTES: served, not cached */
            oversized: number;
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
             * @description healthy: Redis answers and every invalidation reaches this instance; degraded: serving from the in-process tier and the database, the invalidation link is down or silent, or Redis is short of memory (see reasons); unhealthy: no cache tier works
             * @enum {string}
             */
            status: "healthy" | "degraded" | "unhealthy";
            /** @description why the cache is not healthy, in words (empty when it is) */
            reasons: string[];
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
            /** @description whether this instance is subscribed to the invalidation channel */
            subscribed: boolean;
            /** @description subscribed and hearing the channel's heartbeats: invalidations from other instances reach this one */
            link_healthy: boolean;
            /** @description milliseconds since anything was heard on the invalidation channel */
            heard_ms_ago: number | null;
            /** @description Redis (on a Cluster: any master) uses more than CACHE_MAX_MEMORY_PERCENT of REDIS_MAX_MEMORY */
            memory_pressure: boolean;
            /** @description the Redis servers holding the data (every master of a Cluster); empty while Redis is not used */
            nodes: {
                /** @description host:port */
                node: string;
                /** @description null when it does not answer */
                ping_ms: number | null;
            }[];
            /** @description new epochs this instance started because Redis was another server than before (a restart or a failover): each made every stored entry stale */
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
            /** @description the in-process tier's byte budget, all kinds together */
            l1_max_bytes: number;
            /** @description a larger value is served but not cached */
            max_entry_bytes: number;
            /** @description how long past its TTL an entry may still be served when the database fails or is slow (0: never) */
            grace_seconds: number;
            /** @description a slower load is answered from a grace entry when there is one */
            soft_timeout_ms: number;
            /** @description a slower load fails */
            hard_timeout_ms: number;
            /** @description a hit past this share of its TTL refreshes the entry in the background (0: off) */
            eager_refresh: number;
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
                /**
                 * @description standalone (REDIS_HOST), cluster (REDIS_CLUSTER_NODES) or sentinel (REDIS_SENTINELS)
                 * @enum {string}
                 */
                mode: "standalone" | "cluster" | "sentinel";
                /** @description host:port of the cluster seed nodes or the sentinels (empty when standalone) */
                nodes: string[];
                /** @description the master the sentinels watch (null unless sentinel) */
                sentinel_master: string | null;
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
export type WebhookDelivery = components['schemas']['WebhookDelivery'];
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
                /** @description a Redis glob (`*`, `?`, `[...]`, `\x`) relative to the key prefix, URL-encoded, e.g. `form:schema:*`; it never matches a key outside the prefix. Control characters, and globs Redis would read differently from what they seem to say (an unclosed `[`, a range out of order or ending in `]`, a trailing `\`, `[]`), are a 400 naming the problem. */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Request body too large (over 1 MiB) (code `PAYLOAD_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `UNSUPPORTED_MEDIA_TYPE`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large (over 1 MiB) (code `PAYLOAD_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `UNSUPPORTED_MEDIA_TYPE`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests: wait for `Retry-After` seconds (code `RATE_LIMITED`) */
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
            /** @description Every error response has this shape */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large (over 1 MiB) (code `PAYLOAD_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `UNSUPPORTED_MEDIA_TYPE`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Request body too large (over 1 MiB) (code `PAYLOAD_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `UNSUPPORTED_MEDIA_TYPE`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Request body too large (over 1 MiB) (code `PAYLOAD_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `UNSUPPORTED_MEDIA_TYPE`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Request body too large (over 1 MiB) (code `PAYLOAD_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `UNSUPPORTED_MEDIA_TYPE`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
                    /** @description per-user responses vary by `Authorization` */
                    Vary?: string;
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
                    /** @description per-user responses vary by `Authorization` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Conflict with the resource's current state (code `CONFLICT`, `DUPLICATE`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large (over 1 MiB) (code `PAYLOAD_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `UNSUPPORTED_MEDIA_TYPE`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests: wait for `Retry-After` seconds (code `RATE_LIMITED`) */
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
                    /** @description per-user responses vary by `Authorization` */
                    Vary?: string;
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
                    /** @description per-user responses vary by `Authorization` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Request body too large (over 1 MiB) (code `PAYLOAD_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `UNSUPPORTED_MEDIA_TYPE`) */
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
                    /** @description per-user responses vary by `Authorization` */
                    Vary?: string;
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
                    /** @description per-user responses vary by `Authorization` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
                    /** @description the signing secret. `whsec_<base64 of 24 to 64 bytes>` (Standard Webhooks) is decoded to its key; any other secret of 16+ characters is used as its UTF-8 bytes. Without one, a `whsec_` secret is generated. Returned only by the POST that creates the webhook. */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Request body too large (over 1 MiB) (code `PAYLOAD_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `UNSUPPORTED_MEDIA_TYPE`) */
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
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
                    /** @description the signing secret. `whsec_<base64 of 24 to 64 bytes>` (Standard Webhooks) is decoded to its key; any other secret of 16+ characters is used as its UTF-8 bytes. Without one, a `whsec_` secret is generated. Returned only by the POST that creates the webhook. */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Request body too large (over 1 MiB) (code `PAYLOAD_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `UNSUPPORTED_MEDIA_TYPE`) */
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
    listWebhookDeliveries: {
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
            /** @description A page of the webhook's deliveries, newest first */
            200: {
                headers: {
                    /** @description a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), or as `If-Match` on a form's PUT, PATCH or DELETE (412 once it changed); a form's is `"<id>-<version>"` */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookDelivery"][];
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Every error response has this shape */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
    updateMe: {
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
                 *       "name": "Ada Administrator"
                 *     }
                 */
                "application/json": {
                    name?: string;
                    /** @description at least 12 characters, not only whitespace */
                    password?: string;
                    /** @description required with `password` */
                    current_password?: string;
                };
            };
        };
        responses: {
            /** @description The signed-in user as changed */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Request body too large (over 1 MiB) (code `PAYLOAD_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `UNSUPPORTED_MEDIA_TYPE`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests: wait for `Retry-After` seconds (code `RATE_LIMITED`) */
            429: {
                headers: {
                    /** @description seconds until the limit resets */
                    "Retry-After"?: number;
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
                    /** @description at least 12 characters, not only whitespace */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Request body too large (over 1 MiB) (code `PAYLOAD_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `UNSUPPORTED_MEDIA_TYPE`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
                    /** @description at least 12 characters, not only whitespace */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Request body too large (over 1 MiB) (code `PAYLOAD_TOO_LARGE`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type: send `application/json` (code `UNSUPPORTED_MEDIA_TYPE`) */
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
    revokeUserSessions: {
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
            /** @description Revoked; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code `BAD_REQUEST`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not signed in: send a valid token as `Authorization: Bearer <token>` (code `UNAUTHORIZED`, `INVALID_TOKEN`) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
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
                                /** @description the backend, or a short reason when not up (the error itself is only logged) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
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
                                /** @description the backend, or a short reason when not up (the error itself is only logged) */
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
            /** @description Invalid input (code `BAD_REQUEST`) */
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
