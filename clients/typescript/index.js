import createClient from 'openapi-fetch'

/**
 * A 304 has no body and, by RFC 9110, no `Content-Length: 0` either; openapi-fetch
 * reads such an answer's empty body as an error (""). Mark it empty: a 304 is
 * then `{ data: undefined, error: undefined, response }`, its ETag in `response.headers`.
 */
const notModified = {
  onResponse ({ response }) {
    if (response.status !== 304) return undefined
    const headers = new Headers(response.headers)
    headers.set('content-length', '0')
    return new Response(null, { status: 304, statusText: response.statusText, headers })
  }
}

/** A Forms API client: every path, parameter, body and answer typed from the OpenAPI document. */
export function createFormsApiClient (options) {
  const client = createClient(options)
  client.use(notModified)
  return client
}
