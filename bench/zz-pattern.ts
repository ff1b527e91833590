import { benchCache } from './cache-instance.js'
import { startRedis } from './lib.js'
const redis = await startRedis()
const { cache, commands } = await benchCache(redis, { env: { CACHE_MAX_ENTRIES_QUERY_RESULT: '20000' } })
const fill = async () => { for (let i = 0; i < 10000; i++) await cache.getOrSet('query_result', 'q' + i.toString(36).padStart(30, 'x'), async () => ({ items: [i] }), { tags: ['forms', 'forms:search'] }); await new Promise((r) => setTimeout(r, 300)) }
const time = async (label: string, fn: () => Promise<unknown>) => { const t = performance.now(); const r = await fn(); console.log(label, (performance.now() - t).toFixed(1), 'ms', JSON.stringify(r)?.slice(0, 60)) }
for (let round = 0; round < 4; round++) {
  await fill()
  await time('scan only *!', async () => { let c = '0'; let n = 0; do { const [next, k] = await commands.scan(c, 'MATCH', redis.prefix + '*'.repeat(19) + '!', 'COUNT', 2000); c = next; n += k.length } while (c !== '0'); return n })
  await time('scan only query:result', async () => { let c = '0'; let n = 0; do { const [next, k] = await commands.scan(c, 'MATCH', redis.prefix + 'query:result:*', 'COUNT', 2000); c = next; n += k.length } while (c !== '0'); return n })
  await time('invalidateTags #query_result', () => cache.invalidateTags(['#query_result']))
}
process.exit(0)
