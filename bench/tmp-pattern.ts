import { benchCache } from './cache-instance.js'
import { startRedis, cleanUp } from './lib.js'
const redis = await startRedis()
const { cache } = await benchCache(redis)
const l2 = (cache as any)
for (let round = 0; round < 4; round++) {
  for (let i = 0; i < 10000; i += 500) {
    await Promise.all(Array.from({ length: 500 }, async (_, j) => {
      const { fill } = await cache.open('query_result', `k-${round}-${i + j}`, [`form:${j}`])
      await fill!.commit(Buffer.from('{"n":1}'))
    }))
  }
  const t0 = performance.now()
  const r = await cache.invalidateTags(['#query_result', '#form_schema', '#user_session', '#dashboard_widget', '#api_response'])
  const t1 = performance.now()
  console.log('kind tags', (t1 - t0).toFixed(1), JSON.stringify(r.counts))
}
await cleanUp()
process.exit(0)
