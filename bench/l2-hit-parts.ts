// What an L2 hit costs beyond a raw GET, part by part, on one client (sequential,
// interleaved rounds): a script call, the read script itself, and cache.open with
// the entry stored deflated and stored plain.
import { hrtime } from 'node:process'
import type { Redis } from 'ioredis'
import { benchCache } from './cache-instance.js'
import { fmt, median, runIfMain, startRedis, table } from './lib.js'
import { payloadOf } from './seed.js'

const ROUNDS = 10
const OPS_PER_ROUND = 500
const KIND = 'query_result'
const TAGS = ['form:1']

export async function l2HitParts (): Promise<string> {
  const redis = await startRedis()
  const deflated = await benchCache(redis, { l1Enabled: false })
  const plain = await benchCache(redis, { l1Enabled: false, compressThreshold: 0 })
  const commands = deflated.commands as Redis & Record<string, (...args: unknown[]) => Promise<unknown>>
  commands.defineCommand('returnOne', { lua: 'return 1', numberOfKeys: 0 })
  const rows: string[][] = []
  for (const bytes of [1024, 12 * 1024]) {
    const payload = payloadOf(bytes)
    const key = (name: string) => `parts-${bytes}-${name}`
    for (const [name, client] of Object.entries({ deflated, plain })) {
      const { fill } = await client.cache.open(KIND, key(name), TAGS, { read: false })
      if (!await fill!.commit(payload)) throw new Error('not stored')
    }
    const entryKey = deflated.cache.keys.entry(KIND, key('deflated'))
    const lockKey = deflated.cache.keys.lock(KIND, key('deflated'))
    const hit = (client: typeof deflated, name: string) => async () => {
      if ((await client.cache.open(KIND, key(name), TAGS)).hit?.tier !== 'l2') throw new Error('expected an L2 hit')
    }
    const ops: Record<string, () => Promise<unknown>> = {
      'raw GET of the entry': () => commands.getBuffer(entryKey),
      'EVALSHA of `return 1`': () => commands.returnOne!(),
      'the read script, called directly': () => commands.cacheReadBuffer!(entryKey, lockKey, '', Date.now(), '', 5000),
      'cache.open, L2 hit, entry deflated': hit(deflated, 'deflated'),
      'cache.open, L2 hit, entry stored plain': hit(plain, 'plain')
    }
    const samples = new Map(Object.keys(ops).map((name) => [name, [] as number[]]))
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, op] of Object.entries(ops)) {
        for (let i = 0; i < OPS_PER_ROUND; i++) {
          const start = hrtime.bigint()
          await op()
          if (round > 0) samples.get(name)!.push(Number(hrtime.bigint() - start) / 1000)
        }
      }
    }
    const get = median(samples.get('raw GET of the entry')!)
    for (const [name, values] of samples) rows.push([`${bytes / 1024} KB`, name, fmt(median(values), 1), `${fmt(median(values) / get, 2)}×`])
  }
  return table(`An L2 hit, part by part (one client, sequential, auto-pipelining off; medians of ${ROUNDS - 1} interleaved rounds of ${OPS_PER_ROUND})`,
    ['payload', 'operation', 'p50 µs', '÷ raw GET'], rows)
}

runIfMain(import.meta, l2HitParts)
