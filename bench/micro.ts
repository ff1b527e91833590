// Scenario 1 — micro-benchmarks of the two tiers against their floors:
// an L1 hit against Map.get of the same Buffer, an L2 hit against a raw
// ioredis GET of the same key and bytes (auto-pipelining on and off;
// sequential, 16 in flight, and a moderate paced load).
import { hrtime } from 'node:process'
import type { CacheService } from '../services/cache/cache-service.js'
import type { Redis } from 'ioredis'
import { benchCache } from './cache-instance.js'
import {
  compiled, fmt, interleaved, median, pairedRatio, percentile, progress, runIfMain, sleep, startRedis, table, times, verdict,
  type RedisServer
} from './lib.js'
import { payloadOf } from './seed.js'

// five minutes' TTL and 10,000 entries: nothing expires or is evicted during a section's rounds
const KIND = 'query_result'
// the misses' new entries go to another kind: thousands of them would evict the measured hits' entries (size limits)
const MISS_KIND = 'api_response'
const KEYS = 1024
const L1_OPS = 200_000
const L1_ROUNDS = 9
const L2_ROUNDS = 5
const SEQUENTIAL_OPS = 1500
const IN_FLIGHT = 16
const IN_FLIGHT_OPS = 6000
/** "Moderate load": 16 clients, each one operation every 4 ms (4,000 operations/s). */
const PACED = { clients: 16, periodMs: 4, durationMs: 1000 }

/**
 * The epoch check runs once a second in every cache, whatever the traffic: not an
 * operation's cost, and counted in the commands per miss if the other caches of
 * this bench ran it meanwhile. Held off in all of them.
 */
const EPOCH_HELD_OFF = 600_000
const tagsOf = (i: number) => [`form:${i}`]

// ---------------------------------------------------------------- L1

interface L1Subjects {
  map: Map<string, Buffer>
  tier: { get (kind: typeof KIND, key: string): { payload: Buffer } | undefined }
  cache: CacheService
  keys: string[]
  fullKeys: string[]
}

let checksum = 0
/** ns per operation; the checksum keeps the loops from being optimised away. */
function nsPerOp (start: bigint, sink: number): number {
  checksum += sink
  return Number(hrtime.bigint() - start) / L1_OPS
}

// One loop per variant, so that each call site stays monomorphic, as in the service.
const l1Variants = (s: L1Subjects): Record<string, () => Promise<number>> => ({
  'Map.get': async () => {
    let sink = 0
    const start = hrtime.bigint()
    for (let i = 0; i < L1_OPS; i++) sink += s.map.get(s.fullKeys[i & (KEYS - 1)]!)!.length
    return nsPerOp(start, sink)
  },
  'L1 tier get (LRU + expiry check)': async () => {
    let sink = 0
    const start = hrtime.bigint()
    for (let i = 0; i < L1_OPS; i++) sink += s.tier.get(KIND, s.fullKeys[i & (KEYS - 1)]!)!.payload.length
    return nsPerOp(start, sink)
  },
  'await of an async Map.get': async () => {
    const get = async (key: string) => s.map.get(key)
    let sink = 0
    const start = hrtime.bigint()
    for (let i = 0; i < L1_OPS; i++) sink += (await get(s.fullKeys[i & (KEYS - 1)]!))!.length
    return nsPerOp(start, sink)
  },
  'cache.peek, L1 hit': async () => {
    let sink = 0
    const start = hrtime.bigint()
    for (let i = 0; i < L1_OPS; i++) sink += s.cache.peek(KIND, s.keys[i & (KEYS - 1)]!)!.payload.length
    return nsPerOp(start, sink)
  }
})

async function l1Bench (redis: RedisServer, payload: Buffer) {
  const { createMemoryTier } = await compiled<typeof import('../services/cache/memory-tier.js')>('services/cache/memory-tier.js')
  const { digest } = await compiled<typeof import('../services/cache/keys.js')>('services/cache/keys.js')
  const { cache, config } = await benchCache(redis, { epochCheckMs: EPOCH_HELD_OFF })
  const keys = Array.from({ length: KEYS }, (_, i) => digest('bench', String(i)))
  const fullKeys = keys.map((key) => cache.keys.entry(KIND, key))
  const map = new Map<string, Buffer>()
  const tier = createMemoryTier({ kinds: config.cache.kinds, maxBytes: config.cache.l1MaxBytes })
  for (let i = 0; i < KEYS; i++) {
    const { fill } = await cache.open(KIND, keys[i]!, tagsOf(i), { read: false })
    await fill!.commit(payload)
    const { hit } = await cache.lookup(KIND, keys[i]!, tagsOf(i))
    if (hit?.tier !== 'l1') throw new Error('expected an L1 hit')
    map.set(fullKeys[i]!, hit.payload)
    const now = Date.now()
    tier.set(KIND, fullKeys[i]!, { payload: hit.payload, createdAt: now, ttlMs: 3_600_000, expiresAt: now + 3_600_000, graceUntil: now + 3_600_000, tags: tagsOf(i), versions: tagsOf(i) })
  }
  const variants = l1Variants({ map, tier, cache, keys, fullKeys })
  for (const run of Object.values(variants)) await run() // warm-up: let the JIT settle
  return interleaved(L1_ROUNDS, variants, `micro L1 ${payload.length} B: `)
}

// ---------------------------------------------------------------- L2

interface Latencies { p50: number, p99: number, opsPerSecond: number }
type Op = (client: number) => Promise<unknown>
type Load = 'sequential' | 'in flight' | 'paced'

/**
 * The latencies of operations measured in turn, one of each at a time, as one
 * client (sequential). Paired this way, op by op, a floor and what is compared
 * with it meet the same machine: here a loopback round trip changes speed
 * (25 µs or 60 µs) from one tenth of a second to the next, which a block of
 * each in turn would count as a difference between them.
 */
async function alternating (ops: readonly Op[]): Promise<Latencies[]> {
  const samples = ops.map((): number[] => [])
  for (let i = 0; i < SEQUENTIAL_OPS; i++) {
    for (let j = 0; j < ops.length; j++) {
      const start = hrtime.bigint()
      await ops[j]!(0)
      samples[j]!.push(Number(hrtime.bigint() - start) / 1000)
    }
  }
  return samples.map((own) => ({ p50: median(own), p99: percentile(own, 99), opsPerSecond: 1e6 * own.length / own.reduce((sum, us) => sum + us, 0) }))
}

/** Latency of every operation (µs) and the throughput, under one kind of load; client i works on key i. */
async function measure (op: Op, load: Load): Promise<Latencies> {
  const samples: number[] = []
  const one = async (client: number) => {
    const start = hrtime.bigint()
    await op(client)
    samples.push(Number(hrtime.bigint() - start) / 1000)
  }
  const started = hrtime.bigint()
  if (load === 'sequential') {
    for (let i = 0; i < SEQUENTIAL_OPS; i++) await one(0)
  } else if (load === 'in flight') {
    await Promise.all(Array.from({ length: IN_FLIGHT }, async (_, client) => {
      for (let i = 0; i < IN_FLIGHT_OPS / IN_FLIGHT; i++) await one(client)
    }))
  } else {
    // each client on a fixed schedule, staggered: an open loop that never saturates the process
    await Promise.all(Array.from({ length: PACED.clients }, async (_, client) => {
      await sleep(client * PACED.periodMs / PACED.clients)
      const end = performance.now() + PACED.durationMs
      let next = performance.now()
      while (next < end) {
        await one(client)
        next += PACED.periodMs
        const wait = next - performance.now()
        if (wait > 0) await sleep(wait)
      }
    }))
  }
  const seconds = Number(hrtime.bigint() - started) / 1e9
  return { p50: median(samples), p99: percentile(samples, 99), opsPerSecond: samples.length / seconds }
}

interface L2Client { cache: CacheService, commands: Redis }

/** Stores `payload` under IN_FLIGHT keys (one per client) through the cache; returns the keys. */
async function storeEntries (client: L2Client, payload: Buffer, offset: number) {
  const keys = Array.from({ length: IN_FLIGHT }, (_, i) => `bench-l2-${offset + i}`)
  for (let i = 0; i < IN_FLIGHT; i++) {
    const { fill } = await client.cache.open(KIND, keys[i]!, tagsOf(i), { read: false })
    if (!await fill!.commit(payload)) throw new Error('could not store the L2 entry')
  }
  // where Redis holds them: under their key and a digest of their tags' versions
  const fullKeys = await Promise.all(keys.map(async (key, i) => (await client.cache.nameOf(KIND, key, tagsOf(i)))!))
  return { keys, fullKeys }
}

let misses = 0

function l2Ops (client: L2Client, { keys, fullKeys }: Awaited<ReturnType<typeof storeEntries>>, payload: Buffer): Record<string, Op> {
  const expectL2 = (hit: { tier: string } | undefined) => { if (hit?.tier !== 'l2') throw new Error('expected an L2 hit') }
  return {
    'raw GET': (i) => client.commands.getBuffer(fullKeys[i]!),
    'cache.open, L2 hit': async (i) => expectL2((await client.cache.open(KIND, keys[i]!, tagsOf(i))).hit),
    'raw GET + SET': async (i) => {
      const key = `${fullKeys[i]!}:raw-miss-${misses++}`
      await client.commands.getBuffer(key)
      await client.commands.set(key, payload, 'PX', 60_000)
    },
    // what getOrSet does on a miss, until Redis has stored the value (off the request's path in the service)
    'miss: open + commit': async (i) => {
      const { fill } = await client.cache.open(MISS_KIND, `miss-${misses++}`, tagsOf(i))
      if (fill === undefined) throw new Error('expected a miss')
      await fill.commit(payload)
    }
  }
}

// Measured in turn, op by op (`alternating`): each target's floor with what it is compared with.
const PAIRS = [['raw GET', 'cache.open, L2 hit'], ['raw GET + SET', 'miss: open + commit']] as const

async function l2Bench (redis: RedisServer, payload: Buffer): Promise<Record<string, Latencies[]>> {
  const clients: Record<string, L2Client> = {
    on: await benchCache(redis, { l1Enabled: false, autoPipelining: true, epochCheckMs: EPOCH_HELD_OFF }),
    off: await benchCache(redis, { l1Enabled: false, autoPipelining: false, epochCheckMs: EPOCH_HELD_OFF })
  }
  const stored = await storeEntries(clients.on!, payload, 0)
  // each variant measures one op, or a pair in turn: its results, by row name
  const variants: Record<string, () => Promise<Record<string, Latencies>>> = {}
  const add = (op: string, pipelining: string, load: Load, run: Op) => {
    variants[`${op}|${pipelining}|${load}`] = async () => ({ [`${op}|${pipelining}|${load}`]: await measure(run, load) })
  }
  const addPair = (names: readonly [string, string], pipelining: string, ops: readonly [Op, Op]) => {
    const rows = names.map((name) => `${name}|${pipelining}|sequential`)
    variants[rows.join(' & ')] = async () => {
      const latencies = await alternating(ops)
      return Object.fromEntries(rows.map((row, i) => [row, latencies[i]!]))
    }
  }
  for (const [pipelining, client] of Object.entries(clients)) {
    // each client reads the same entries (stored once): it learns their tags' versions first, as a running instance has
    for (let i = 0; i < IN_FLIGHT; i++) await client.cache.open(KIND, stored.keys[i]!, tagsOf(i))
    const ops = l2Ops(client, stored, payload)
    for (const pair of PAIRS) addPair(pair, pipelining, [ops[pair[0]]!, ops[pair[1]]!])
    for (const name of ['raw GET', 'cache.open, L2 hit']) add(name, pipelining, 'in flight', ops[name]!)
    if (pipelining === 'on') for (const name of ['raw GET', 'cache.open, L2 hit']) add(name, pipelining, 'paced', ops[name]!)
  }
  if (payload.length > 1024) {
    // the same payload stored without compression (CACHE_COMPRESS_THRESHOLD=0): what deflate costs a hit
    const plain = await benchCache(redis, { l1Enabled: false, compressThreshold: 0, epochCheckMs: EPOCH_HELD_OFF })
    const entries = await storeEntries(plain, payload, 100)
    for (let i = 0; i < IN_FLIGHT; i++) await plain.cache.open(KIND, entries.keys[i]!, tagsOf(i))
    const ops = l2Ops(plain, entries, payload)
    addPair(['raw GET, uncompressed entry', 'cache.open, L2 hit, uncompressed entry'], 'on', [ops['raw GET']!, ops['cache.open, L2 hit']!])
  }
  for (const run of Object.values(variants)) await run()
  const rounds = await interleaved(L2_ROUNDS, variants, `micro L2 ${payload.length} B: `)
  // by row name, in round order
  const results: Record<string, Latencies[]> = {}
  for (const perRound of Object.values(rounds)) {
    for (const measured of perRound) for (const [row, latencies] of Object.entries(measured)) (results[row] ??= []).push(latencies)
  }
  return results
}

// ---------------------------------------------------------------- what Redis executes

const BIG_TAG_ENTRIES = 100_000
const COUNTED_MISSES = 1000

/** Per command: calls and microseconds since the last CONFIG RESETSTAT (INFO commandstats). */
async function commandStats (admin: Redis): Promise<Map<string, { calls: number, usec: number }>> {
  const text = await admin.info('commandstats')
  return new Map([...text.matchAll(/cmdstat_([\w|]+):calls=(\d+),usec=(\d+)/g)].map(([, name, calls, usec]) => [name!, { calls: Number(calls), usec: Number(usec) }]))
}

// the bench's own commands, and the heartbeats every instance publishes twice a second
const NOT_THE_OPERATION = new Set(['config', 'info', 'publish'])
/** `config|resetstat` → `config`: Redis 7 names subcommands. */
const commandOf = (name: string) => name.split('|')[0]!

/** Commands per miss (read, lock, store) and the Redis time of invalidating a tag over 100,000 entries, on the private Redis. */
async function redisCosts (redis: RedisServer) {
  // the kind holds every entry of the big tag (with the default limit, 90,000 of them would be trimmed meanwhile)
  const { cache } = await benchCache(redis, { l1Enabled: false, epochCheckMs: EPOCH_HELD_OFF, env: { CACHE_MAX_ENTRIES_QUERY_RESULT: String(2 * BIG_TAG_ENTRIES) } })
  const admin = redis.client()
  await admin.connect()
  const miss = async (key: string, tags: string[]) => {
    const { fill } = await cache.open(KIND, key, tags)
    await fill!.commit(payloadOf(1024))
  }
  await miss('costs-warm', ['form:costs']) // the tags' versions exist and are known, as on a running instance

  await admin.config('RESETSTAT')
  for (let i = 0; i < COUNTED_MISSES; i++) await miss(`costs-${i}`, ['form:costs'])
  const perMiss = [...(await commandStats(admin))].filter(([name]) => !NOT_THE_OPERATION.has(commandOf(name)))
  const commandsPerMiss = perMiss.reduce((sum, [, { calls }]) => sum + calls, 0) / COUNTED_MISSES
  const breakdown = perMiss.map(([name, { calls }]) => `${name} ${fmt(calls / COUNTED_MISSES, 2)}`).join(', ')

  progress(`micro: storing ${BIG_TAG_ENTRIES} entries under one tag`)
  for (let i = 0; i < BIG_TAG_ENTRIES; i += 1000) {
    await Promise.all(Array.from({ length: 1000 }, async (_, j) => {
      const { fill } = await cache.open(KIND, `big-${i + j}`, ['big'], { read: false })
      await fill!.commit(Buffer.from('{"n":1}'))
    }))
  }
  await admin.config('RESETSTAT')
  await cache.invalidateTags(['big'])
  const invalidation = [...(await commandStats(admin))].filter(([name]) => commandOf(name) !== 'config' && commandOf(name) !== 'info')
  if ((await cache.open(KIND, 'big-7', ['big'], { lead: false })).hit !== undefined) throw new Error('the entries outlived their tag')
  admin.disconnect()
  return {
    commandsPerMiss,
    breakdown,
    invalidationUsec: invalidation.reduce((sum, [, { usec }]) => sum + usec, 0),
    invalidationCommands: invalidation.map(([name, { calls, usec }]) => `${name} ×${calls}: ${usec} µs`).join(', ')
  }
}

// ---------------------------------------------------------------- report

const LOAD_LABEL: Record<Load, string> = {
  sequential: '1 at a time',
  'in flight': `${IN_FLIGHT} in flight`,
  paced: `paced, ${PACED.clients * 1000 / PACED.periodMs} ops/s`
}

export async function micro (): Promise<string> {
  const redis = await startRedis()
  const l1Rows: string[][] = []
  const l2Rows: string[][] = []
  const targets: string[][] = []
  for (const size of [1024, 12 * 1024]) {
    const payload = payloadOf(size)
    const label = `${fmt(payload.length / 1024, 1)} KB`

    const l1 = await l1Bench(redis, payload)
    const base = l1['Map.get']!
    const asyncBase = l1['await of an async Map.get']!
    for (const [name, samples] of Object.entries(l1)) {
      l1Rows.push([label, name, fmt(median(samples), 0), times(pairedRatio(samples, base)), times(pairedRatio(samples, asyncBase))])
    }
    const tierRatio = pairedRatio(l1['L1 tier get (LRU + expiry check)']!, base)
    const begin = median(l1['cache.peek, L1 hit']!)
    const beginRatio = pairedRatio(l1['cache.peek, L1 hit']!, asyncBase)
    targets.push([`L1 get (the tier) ≤ 3× Map.get, ${label}`, times(tierRatio), verdict(tierRatio <= 3)])
    targets.push([`L1 hit through the cache API (cache.peek) ≤ 1 µs, ${label}`, `${fmt(begin, 0)} ns`, verdict(begin <= 1000)])
    targets.push([`cache.peek L1 hit ≤ 3× an awaited Map.get, ${label}`, times(beginRatio), verdict(beginRatio <= 3)])

    const l2 = await l2Bench(redis, payload)
    const p50s = (name: string) => l2[name]!.map((r) => r.p50)
    for (const [name, samples] of Object.entries(l2)) {
      const [op, pipelining, load] = name.split('|') as [string, string, Load]
      const raw = l2[`raw GET|${pipelining}|${load}`] !== undefined ? `raw GET|${pipelining}|${load}` : undefined
      const base = op.endsWith('uncompressed entry') ? `raw GET, uncompressed entry|${pipelining}|${load}` : raw
      l2Rows.push([label, op, pipelining, LOAD_LABEL[load],
        fmt(median(samples.map((r) => r.p50)), 1), fmt(median(samples.map((r) => r.p99)), 1),
        fmt(median(samples.map((r) => r.opsPerSecond)), 0), base === undefined ? '' : times(pairedRatio(p50s(name), p50s(base)))])
    }
    for (const pipelining of ['on', 'off']) {
      const ratio = pairedRatio(p50s(`cache.open, L2 hit|${pipelining}|sequential`), p50s(`raw GET|${pipelining}|sequential`))
      targets.push([`L2 hit p50 ≤ 1.15× raw GET (sequential, auto-pipelining ${pipelining}), ${label}`, times(ratio), verdict(ratio <= 1.15)])
      const miss = pairedRatio(p50s(`miss: open + commit|${pipelining}|sequential`), p50s(`raw GET + SET|${pipelining}|sequential`))
      targets.push([`miss (read, lock, store) p50 ≤ 1.5× raw GET + SET (sequential, auto-pipelining ${pipelining}), ${label}`, times(miss), verdict(miss <= 1.5)])
    }
    if (l2['cache.open, L2 hit, uncompressed entry|on|sequential'] !== undefined) {
      const ratio = pairedRatio(p50s('cache.open, L2 hit, uncompressed entry|on|sequential'), p50s('raw GET, uncompressed entry|on|sequential'))
      targets.push([`L2 hit p50 ≤ 1.15× raw GET, entry stored uncompressed, ${label}`, times(ratio), verdict(ratio <= 1.15)])
    }
    const p99 = median(l2['cache.open, L2 hit|on|paced']!.map((r) => r.p99))
    targets.push([`L2 hit p99 < 1 ms at moderate load (${LOAD_LABEL.paced}), ${label}`, `${fmt(p99, 0)} µs`, verdict(p99 < 1000)])
  }
  const costs = await redisCosts(redis)
  targets.push(['commands Redis executes per miss (scripts\' inner commands included) ≤ 6', `${fmt(costs.commandsPerMiss, 2)} (${costs.breakdown})`,
    verdict(costs.commandsPerMiss <= 6)])
  targets.push([`invalidating a tag that covers ${BIG_TAG_ENTRIES.toLocaleString('en-US')} entries: Redis time ≤ 1 ms`,
    `${fmt(costs.invalidationUsec / 1000, 3)} ms (${costs.invalidationCommands})`, verdict(costs.invalidationUsec <= 1000)])
  progress(`micro done (checksum ${checksum})`)
  return [
    table(`L1: ns per hit (median of ${L1_ROUNDS} interleaved rounds of ${L1_OPS.toLocaleString('en-US')} gets over ${KEYS} keys)`,
      ['payload', 'operation', 'ns/op', 'vs Map.get', 'vs awaited Map.get'], l1Rows),
    table(`L2: µs per hit (medians over ${L2_ROUNDS} interleaved rounds; one at a time, each floor and what it is compared with in turn, op by op; Redis ${redis.version} on loopback)`,
      ['payload', 'operation', 'auto-pipelining', 'load', 'p50 µs', 'p99 µs', 'ops/s', 'p50 vs raw GET'], l2Rows),
    table('Micro-benchmark targets', ['target', 'measured', ''], targets)
  ].join('\n')
}

runIfMain(import.meta, micro)
