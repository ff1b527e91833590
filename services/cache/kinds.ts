/** The five cache kinds: each with its own TTL, size limit and key prefix. */
export const CACHE_KINDS = ['form_schema', 'user_session', 'query_result', 'dashboard_widget', 'api_response'] as const
export type CacheKind = typeof CACHE_KINDS[number]

export const KIND_PREFIX: Record<CacheKind, string> = {
  form_schema: 'form:schema:',
  user_session: 'user:session:',
  query_result: 'query:result:',
  dashboard_widget: 'dashboard:widget:',
  api_response: 'api:response:'
}

export interface KindSettings { ttl: number, maxEntries: number }
