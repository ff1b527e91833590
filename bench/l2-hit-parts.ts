// What an L2 hit costs beyond a raw GET, part by part, on one client (sequential,
// interleaved rounds): a script call, a script that only carries the entry, the
// read script itself, and cache.open with the entry stored deflated (the rows
// without "plain") and stored plain, each against a GET of the same bytes;
// beside the client's time, Redis' own time per call (INFO commandstats).
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
  // what moving the entry through Lua costs, against reading only its header there
  commands.defineCommand('carryEntry', { lua: 'return redis.call(\'GET\', KEYS[1])', numberOfKeys: 1 })
  commands.defineCommand('entryHeader', { lua: 'return redis.call(\'GETRANGE\', KEYS[1], 0, 40)', numberOfKeys: 1 })
  const rows: string[][] = []
  for (const bytes of [1024, 12 * 1024]) {
    const payload = payloadOf(bytes)
    const key = (name: string) => `parts-${bytes}-${name}`
    for (const [name, client] of Object.entries({ deflated, plain })) {
      const { fill } = await client.cache.open(KIND, key(name), TAGS, { read: false })
      if (!await fill!.commit(payload)) throw new Error('not stored')
    }
    const entryKey = deflated.cache.keys.entry(KIND, key('deflated'))
    const plainKey = plain.cache.keys.entry(KIND, key('plain'))
    const lockKey = deflated.cache.keys.lock(KIND, key('deflated'))
    const hit = (client: typeof deflated, name: string) => async () => {
      if ((await client.cache.open(KIND, key(name), TAGS)).hit?.tier !== 'l2') throw new Error('expected an L2 hit')
    }
    const ops: Record<string, () => Promise<unknown>> = {
      'raw GET of the entry': () => commands.getBuffer(entryKey),
      'raw GET of the entry stored plain': () => commands.getBuffer(plainKey),
      'EVALSHA of `return 1`': () => commands.returnOne!(),
      'a script that GETs the entry and returns it': () => commands.carryEntryBuffer!(entryKey),
      'a script that GETs the entry stored plain and returns it': () => commands.carryEntryBuffer!(plainKey),
      'a script that GETRANGEs its first 41 bytes': () => commands.entryHeaderBuffer!(entryKey),
      'the read script, called directly': () => commands.cacheReadBuffer!(entryKey, lockKey, '', Date.now(), '', 5000),
      'cache.open, L2 hit, entry deflated': hit(deflated, 'deflated'),
      'cache.open, L2 hit, entry stored plain': hit(plain, 'plain')
    }
    const samples = new Map(Object.keys(ops).map((name) => [name, [] as number[]]))
    const redisUs = new Map(Object.keys(ops).map((name) => [name, 0]))
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, op] of Object.entries(ops)) {
        const before = await redisTime(commands)
        for (let i = 0; i < OPS_PER_ROUND; i++) {
          const start = hrtime.bigint()
          await op()
          if (round > 0) samples.get(name)!.push(Number(hrtime.bigint() - start) / 1000)
        }
        if (round > 0) redisUs.set(name, redisUs.get(name)! + spent(before, await redisTime(commands)))
      }
    }
    // each against the GET of the same bytes: the entry as stored, deflated or plain
    const get = (name: string) => median(samples.get(name.includes('plain') ? 'raw GET of the entry stored plain' : 'raw GET of the entry')!)
    for (const [name, values] of samples) {
      rows.push([`${bytes / 1024} KB`, name, fmt(median(values), 1), `${fmt(median(values) / get(name), 2)}×`,
        fmt(redisUs.get(name)! / ((ROUNDS - 1) * OPS_PER_ROUND), 2)])
    }
  }
  return table(`An L2 hit, part by part (one client, sequential, auto-pipelining off; medians of ${ROUNDS - 1} interleaved rounds of ${OPS_PER_ROUND}; Redis µs: mean time Redis spent per call)`,
    ['payload', 'operation', 'p50 µs', '÷ raw GET', 'Redis µs per call'], rows)
}

/** µs Redis has spent in scripts and in GETs so far (a script's own GETs are also counted apart, as GETs). */
async function redisTime (client: Redis): Promise<{ evalsha: number, get: number }> {
  const stats = await client.info('commandstats')
  const usec = (command: string) => Number(new RegExp(`^cmdstat_${command}:.*usec=(\\d+)`, 'm').exec(stats)?.[1] ?? 0)
  return { evalsha: usec('evalsha'), get: usec('get') }
}

/** Redis' time for a block of calls: its scripts' (their GETs included) or, with none, its GETs'. */
const spent = (before: { evalsha: number, get: number }, after: { evalsha: number, get: number }) =>
  after.evalsha > before.evalsha ? after.evalsha - before.evalsha : after.get - before.get

runIfMain(import.meta, l2HitParts)
