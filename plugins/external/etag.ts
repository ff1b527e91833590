import etag from '@fastify/etag'

export default etag

// A strong ETag on every response that has none yet. Conditional requests
// (304) are answered by plugins/app/http-cache.ts, which implements the
// RFC 9110 comparison (weak, lists, `*`) and must see the body first on
// cached routes.
export const autoConfig = { replyWith304: false }
