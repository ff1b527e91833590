import type { Client, ClientOptions } from 'openapi-fetch'
import type { paths } from './schema.js'

export type * from './schema.js'

/**
 * A Forms API client (openapi-fetch): `client.GET('/api/v1/forms/{form_id}', { params: { path: { form_id } } })`
 * answers `{ data, error, response }`, each typed from the OpenAPI document.
 * `baseUrl` is the service's address, e.g. `http://127.0.0.1:3000`; send a token with
 * `headers: { Authorization: 'Bearer ' + token }`. A 304 (a GET with `If-None-Match`) answers with
 * neither `data` nor `error`.
 */
export declare function createFormsApiClient (options: ClientOptions & { baseUrl: string }): Client<paths>
