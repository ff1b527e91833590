// What an L2 hit costs beyond a raw GET, part by part, on one client (sequential,
// interleaved rounds): the read command itself (SET NX GET: the entry, or the
// lock where there is none), and cache.open with the entry stored deflated (the
// rows without "plain") and stored plain, each against a GET of the same bytes;
// beside the client's time, Redis' own time per call (INFO commandstats). Then
// a miss part by part: its read, its store, and both, against the raw commands
// that do as much. Then what deflating an entry costs and saves at each size:
// the client's CPU and Redis' time per hit and per store, and the bytes Redis
// keeps (the choice of CACHE_COMPRESS_THRESHOLD).
import { hrtime } from 'node:process'
import type { Redis } from 'ioredis'
import { benchCache } from './cache-instance.js'
import { compiled, fmt, interleaved, median, runIfMain, startRedis, table } from './lib.js'
import { payloadOf } from './seed.js'

const ROUNDS = 10
const OPS_PER_ROUND = 500
const KIND = 'query_result'
const TAGS = ['form:1']
const SWEEP_KB = [1, 2, 4, 8, 12, 32]
const SWEEP_ROUNDS = 8
const SWEEP_OPS = 400

export async function l2HitParts (): Promise<string> {
  const redis = await startRedis()
  // a threshold of 1 byte deflates every entry, 0 none: the rows say which they read
  const deflated = await benchCache(redis, { l1Enabled: false, compressThreshold: 1 })
  const plain = await benchCache(redis, { l1Enabled: false, compressThreshold: 0 })
  const { commands } = deflated
  const rows: string[][] = []
  for (const bytes of [1024, 12 * 1024]) {
    const payload = payloadOf(bytes)
    const key = (name: string) => `parts-${bytes}-${name}`
    for (const [name, client] of Object.entries({ deflated, plain })) {
      const { fill } = await client.cache.open(KIND, key(name), TAGS, { read: false })
      if (!await fill!.commit(payload)) throw new Error('not stored')
    }
    const entryKey = (await deflated.cache.nameOf(KIND, key('deflated'), TAGS))!
    const plainKey = (await plain.cache.nameOf(KIND, key('plain'), TAGS))!
    const hit = (client: typeof deflated, name: string) => async () => {
      if ((await client.cache.open(KIND, key(name), TAGS)).hit?.tier !== 'l2') throw new Error('expected an L2 hit')
    }
    const ops: Record<string, () => Promise<unknown>> = {
      'raw GET of the entry': () => commands.getBuffer(entryKey),
      'raw GET of the entry stored plain': () => commands.getBuffer(plainKey),
      'the read command (SET NX GET), called directly': () => commands.setBuffer(entryKey, 'Lbench', 'PX', 5000, 'NX', 'GET'),
      'the read command on the entry stored plain': () => commands.setBuffer(plainKey, 'Lbench', 'PX', 5000, 'NX', 'GET'),
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
  const parts = table(`An L2 hit, part by part (one client, sequential, auto-pipelining off; medians of ${ROUNDS - 1} interleaved rounds of ${OPS_PER_ROUND}; Redis µs: mean time Redis spent per call)`,
    ['payload', 'operation', 'p50 µs', '÷ raw GET', 'Redis µs per call'], rows)
  return [parts, await missParts(plain), await deflateSweep(deflated, plain, commands)].join('\n\n')
}

type BenchCache = Awaited<ReturnType<typeof benchCache>>

/**
 * A miss, part by part, each against the raw commands that do as much: its
 * read (one command, which takes the lock), its store (the entry, its
 * size-index member and the lock's release, sent at once), and both.
 */
async function missParts ({ cache, commands }: BenchCache): Promise<string> {
  const payload = payloadOf(1024)
  let n = 0
  const since = (start: bigint) => Number(hrtime.bigint() - start) / 1000
  const timed = (name: string, run: () => Promise<unknown>) => async () => {
    const samples: number[] = []
    for (let i = 0; i < OPS_PER_ROUND; i++) {
      const start = hrtime.bigint()
      await run()
      samples.push(since(start))
    }
    return { [name]: samples }
  }
  const MISS = { open: 'cache.open, miss (the read takes the lock)', commit: 'fill.commit of that miss (the store)', both: 'cache.open + fill.commit' }
  const variants: Record<string, () => Promise<Record<string, number[]>>> = {
    get: timed('raw GET', () => commands.getBuffer(`raw-miss-${n}`)),
    set: timed('raw SET', () => commands.set(`raw-miss-${n++}`, payload, 'PX', 60_000)),
    getSet: timed('raw GET + SET', async () => {
      await commands.getBuffer(`raw-miss-${n}`)
      await commands.set(`raw-miss-${n++}`, payload, 'PX', 60_000)
    }),
    store: timed('raw SET, ZADD and DEL sent at once', () => Promise.all([
      commands.set(`raw-miss-${n}`, payload, 'PX', 60_000), commands.zadd('raw-miss-index', n, `raw-miss-${n}`), commands.del(`raw-miss-lock-${n++}`)])),
    miss: async () => {
      const samples = { [MISS.open]: [] as number[], [MISS.commit]: [] as number[], [MISS.both]: [] as number[] }
      for (let i = 0; i < OPS_PER_ROUND; i++) {
        const start = hrtime.bigint()
        const { fill } = await cache.open(KIND, `miss-${n++}`, TAGS)
        const opened = since(start)
        await fill!.commit(payload)
        const both = since(start)
        samples[MISS.open]!.push(opened)
        samples[MISS.commit]!.push(both - opened)
        samples[MISS.both]!.push(both)
      }
      return samples
    }
  }
  const samples = new Map<string, number[]>()
  for (const rounds of Object.values(await interleaved(ROUNDS, variants, 'l2-hit-parts, a miss: '))) {
    for (const round of rounds.slice(1)) {
      for (const [name, values] of Object.entries(round)) samples.set(name, [...samples.get(name) ?? [], ...values])
    }
  }
  const rows = [
    ['raw GET'], ['raw SET'], ['raw GET + SET'], ['raw SET, ZADD and DEL sent at once', 'raw SET'],
    [MISS.open, 'raw GET'], [MISS.commit, 'raw SET'], [MISS.both, 'raw GET + SET']
  ].map(([name, versus]) => {
    const p50 = median(samples.get(name!)!)
    return [name!, fmt(p50, 1), versus === undefined ? '' : `${fmt(p50 / median(samples.get(versus)!), 2)}× ${versus}`]
  })
  return table(`A miss, part by part (1 KB, stored plain as the service stores it; one client, sequential, auto-pipelining off; medians of ${ROUNDS - 1} interleaved rounds of ${OPS_PER_ROUND})`,
    ['operation', 'p50 µs', 'against'], rows)
}

/**
 * Per size, deflated against plain: the client's decoding and encoding (the
 * service's codec, timed alone: a round trip's noise on this machine is larger
 * than the difference), Redis' time per hit, and the bytes Redis keeps.
 */
async function deflateSweep (deflated: BenchCache, plain: BenchCache, commands: Redis): Promise<string> {
  const { encodeEntry, decodeEntry } = await compiled<typeof import('../services/cache/codec.js')>('services/cache/codec.js')
  const variants = { plain, deflated }
  const rows: string[][] = []
  for (const kb of SWEEP_KB) {
    const payload = payloadOf(kb * 1024)
    const entry = { payload, createdAt: Date.now(), ttlMs: 60_000, versions: 'a1b2c3d4' }
    const key = (name: string) => `sweep-${kb}-${name}`
    const encoded = { plain: encodeEntry(entry, 0), deflated: encodeEntry(entry, 1) }
    const codec = {
      decodePlain: () => decodeEntry(encoded.plain),
      decodeDeflated: () => decodeEntry(encoded.deflated),
      encodePlain: () => encodeEntry(entry, 0),
      encodeDeflated: () => encodeEntry(entry, 1)
    }
    const times = Object.fromEntries(Object.keys(codec).map((name) => [name, [] as number[]])) as Record<keyof typeof codec, number[]>
    const redisUs = { plain: [] as number[], deflated: [] as number[] }
    for (const [name, client] of Object.entries(variants)) {
      const { fill } = await client.cache.open(KIND, key(name), TAGS, { read: false })
      if (!await fill!.commit(payload)) throw new Error('not stored')
    }
    for (let round = 0; round < SWEEP_ROUNDS; round++) {
      for (const [name, op] of Object.entries(codec)) {
        const start = hrtime.bigint()
        for (let i = 0; i < SWEEP_OPS; i++) op()
        if (round > 0) times[name as keyof typeof codec].push(Number(hrtime.bigint() - start) / 1000 / SWEEP_OPS)
      }
      for (const [name, client] of Object.entries(variants)) {
        const before = await redisTime(commands)
        for (let i = 0; i < SWEEP_OPS; i++) {
          if ((await client.cache.open(KIND, key(name), TAGS)).hit?.tier !== 'l2') throw new Error('expected an L2 hit')
        }
        if (round > 0) redisUs[name as keyof typeof variants].push(spent(before, await redisTime(commands)) / SWEEP_OPS)
      }
    }
    const stored = async (client: BenchCache, name: string) => (await commands.getBuffer((await client.cache.nameOf(KIND, key(name), TAGS))!))!.length
    const [plainBytes, deflatedBytes] = [await stored(plain, 'plain'), await stored(deflated, 'deflated')]
    const p50 = (values: number[]) => fmt(median(values), 1)
    const clientExtra = median(times.decodeDeflated) - median(times.decodePlain)
    const redisSaved = median(redisUs.plain) - median(redisUs.deflated)
    rows.push([`${fmt(payload.length / 1024, 1)} KB`, `${fmt(plainBytes / 1024, 1)} → ${fmt(deflatedBytes / 1024, 1)} KB`,
      p50(times.decodePlain), p50(times.decodeDeflated), p50(redisUs.plain), p50(redisUs.deflated),
      fmt(clientExtra - redisSaved, 1), p50(times.encodePlain), p50(times.encodeDeflated)])
  }
  return table(`Deflate or store plain, by entry size (medians of ${SWEEP_ROUNDS - 1} interleaved rounds of ${SWEEP_OPS}; decode and encode: the service's codec timed alone; Redis: its time per L2 hit)`,
    ['payload', 'stored, plain → deflated', 'decode µs: plain', 'deflated', 'Redis µs per hit: plain', 'deflated',
      'a deflated hit costs more by, µs (client + Redis)', 'encode µs: plain', 'deflated'], rows)
}

/** µs Redis has spent in scripts and in GETs so far (a script's own GETs are also counted apart, as GETs). */
async function redisTime (client: Redis): Promise<number> {
  const stats = await client.info('commandstats')
  const usec = (command: string) => Number(new RegExp(`^cmdstat_${command}:.*usec=(\\d+)`, 'm').exec(stats)?.[1] ?? 0)
  return usec('get') + usec('set')
}

/** Redis' time for a block of calls: its GETs' and SETs' (a block sends one kind of read: GET, or the read command). */
const spent = (before: number, after: number) => after - before

runIfMain(import.meta, l2HitParts)
