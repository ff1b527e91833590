// `npm run bench:peers`: this service's cache engine side by side with
// bentocache, cache-manager, cacheable and async-cache-dedupe — the same
// scenarios, keys and ~1 KB JSON document for all, in one process on one
// private Redis (a key prefix each), the variants interleaved round by round.
//   npm run bench:peers -- --scenarios=l1,miss --subjects=engine,cache-manager
// runs a subset; BENCH_CPU_PROF=1 profiles each scenario's measured rounds.
import { hrtime } from 'node:process'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { AUTO_PIPELINING, engineL2Only, engineSubjects, floorClients, KIND, peerSubjects, TTL_SECONDS, type Doc, type EngineHandles, type Loader, type PeerCache, type Subject } from './peer-caches.js'
import { costOf, measured, watchRedis } from './peer-costs.js'
import { fmt, machine, median, pairedRatio, percentile, progress, runIfMain, sleep, startRedis, table, times, type RedisServer } from './lib.js'
import { payloadOf } from './seed.js'

const ROUNDS = 7
const L1_ROUNDS = 7
/** Target time of one variant's L1 round: the op count is set from a warm-up. */
const L1_ROUND_NS = 40e6
const L1_KEYS = 256
const L2_KEYS = 64
const L2_OPS = 400
const MISS_OPS = 300
/** Tags of the new keys in the miss scenario: new keys of forms already seen (a new page, a new filter). */
const MISS_TAGS = 16
const INVALIDATE_KEYS = 32
const INVALIDATE_OPS = 200
const PROPAGATION_KEYS = 16
const PROPAGATION_TRIALS = 60
const PROPAGATION_TIMEOUT_MS = 2000
/** How long B may keep serving the old value before a cache without a bus is written off as n/a. */
const NO_BUS_WAIT_MS = 200

const ENGINE = 'engine'
const ENGINE_AWAITED = 'engine, store awaited'
const ENGINE_BYTES = 'engine, bytes (peek / open)'
const FLOOR = 'floor: '
const PIPELINING = `auto-pipelining ${AUTO_PIPELINING ? 'on' : 'off'}`
/** `--subjects=a,b`: only the variants whose names start so (all by default). */
const only = process.argv.find((a) => a.startsWith('--subjects='))?.split('=')[1]?.split(',')
const selected = (name: string) => only === undefined || only.some((prefix) => name.startsWith(prefix))
/** Rows that are not a peer: no verdict. */
const notAPeer = (name: string) => name.startsWith(ENGINE) || name.startsWith(FLOOR)

// ---------------------------------------------------------------- the document and the "database"

const BASE: Doc = JSON.parse(payloadOf(1024).toString('utf8'))

/** Each subject's source of truth: a version per key; the loader returns the document at that version. */
function database () {
  const versions = new Map<string, number>()
  const db = {
    loads: 0,
    version: (key: string) => versions.get(key) ?? 0,
    bump: (key: string) => { versions.set(key, db.version(key) + 1); return db.version(key) },
    loader: (key: string): Loader => async () => {
      db.loads++
      return { ...BASE, version: db.version(key) }
    }
  }
  return db
}
type Database = ReturnType<typeof database>

interface Contender { subject: Subject, a: PeerCache, db: Database }
type Floors = Awaited<ReturnType<typeof floorClients>>

// ---------------------------------------------------------------- statistics

interface Latency { p50: number, p99: number }
const latencyOf = (samples: readonly number[]): Latency => ({ p50: median(samples), p99: percentile(samples, 99) })
const elapsedUs = (start: bigint) => Number(hrtime.bigint() - start) / 1000

interface Row { name: string, values: number[] | undefined, p99?: number[], note: string }

/** Table rows: the median of the per-round figures and the paired ratio to the baseline. */
function rows (scenario: string, results: readonly Row[], baseline: string, digits: number, unit: string) {
  const base = results.find((row) => row.name === baseline)?.values
  return results.map(({ name, values, p99, note }) => {
    if (values === undefined) return [name, 'n/a', 'n/a', 'n/a', '', '', '', '', note]
    const ratio = name === baseline ? 1 : base === undefined ? NaN : pairedRatio(values, base)
    const faster = notAPeer(name) ? '' : ratio > 1 ? 'yes' : '**no**'
    return [name, `${fmt(median(values), digits)} ${unit}`, p99 === undefined ? '' : `${fmt(median(p99), digits)} ${unit}`,
      times(ratio), faster, ...costOf(scenario, name), note]
  })
}

const HEADER = ['cache', 'p50', 'p99', 'peer ÷ engine (paired)', 'engine faster', 'client CPU µs/op', 'Redis CPU µs/op', 'Redis commands/op', 'how']

// ---------------------------------------------------------------- 1. L1 hit

/** ns per read of keys already in the process tier (getOrSet whose loader never runs). */
async function l1Hit (contenders: readonly Contender[], engine: EngineHandles): Promise<Row[]> {
  const keys = Array.from({ length: L1_KEYS }, (_, i) => `l1-${i}`)
  const tags = keys.map((key) => `form:${key}`)
  const variants: Record<string, () => Promise<number>> = {}
  const opsOf: Record<string, () => number> = { [ENGINE_BYTES]: () => bytesOps }
  const notes: Record<string, string> = {}
  let sink = 0
  let bytesOps = 200_000
  for (const { subject, a, db } of contenders) {
    if (subject.name === ENGINE_AWAITED) continue // the same L1 read as the engine's getOrSet
    if (a.evictLocal === undefined && !subject.name.startsWith(ENGINE)) {
      notes[subject.name] = 'n/a: its Redis storage has no process tier in front; every read is a Redis GET (see the L2 hit)'
      continue
    }
    const loaders = keys.map((key) => db.loader(key))
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < L1_KEYS; i++) await a.getOrSet(keys[i]!, tags[i]!, loaders[i]!)
    }
    await sleep(50) // stores still in flight (the engine's getOrSet, a bus message)
    let ops = 100
    const run = async () => {
      const loads = db.loads
      const start = hrtime.bigint()
      for (let i = 0; i < ops; i++) sink += (await a.getOrSet(keys[i & (L1_KEYS - 1)]!, tags[i & (L1_KEYS - 1)]!, loaders[i & (L1_KEYS - 1)]!)).version
      const ns = Number(hrtime.bigint() - start) / ops
      if (db.loads !== loads) throw new Error(`${subject.name}: a read in the L1 scenario loaded (not an L1 hit)`)
      return ns
    }
    ops = Math.max(100, Math.min(200_000, Math.round(L1_ROUND_NS / await run())))
    variants[subject.name] = run
    opsOf[subject.name] = () => ops
  }
  // the engine as the HTTP plugin reads it: the stored bytes, synchronously, no decode
  if (variants[ENGINE] !== undefined) {
    variants[ENGINE_BYTES] = async () => {
      const start = hrtime.bigint()
      for (let i = 0; i < bytesOps; i++) sink += engine.main.peek(KIND, keys[i & (L1_KEYS - 1)]!)!.payload.length
      return Number(hrtime.bigint() - start) / bytesOps
    }
    bytesOps = Math.max(100, Math.min(1_000_000, Math.round(L1_ROUND_NS / await variants[ENGINE_BYTES]())))
  }
  for (const run of Object.values(variants)) await run() // warm-up
  const results = await measured('l1', L1_ROUNDS, variants, (name) => opsOf[name]!())
  progress(`L1 checksum ${sink}`)
  const how: Record<string, string> = {
    [ENGINE]: 'getOrSet: the L1 entry\'s bytes, JSON-decoded (a copy per read)',
    'bentocache, tags': 'getOrSet: L1 holds JSON text, parsed per read; the tag\'s own entry read from L1 and parsed too',
    'bentocache, by key': 'getOrSet: L1 holds JSON text, parsed per read',
    'cache-manager': 'wrap: Keyv over CacheableMemory (a structuredClone per read)',
    'cacheable, tags': 'get: the primary (a structuredClone), then the key\'s tag snapshot and the tag version from Redis (two round trips)',
    'cacheable, by key + sync': 'getOrSet: the primary (a structuredClone per read)',
    [ENGINE_BYTES]: 'peek(): the bytes, synchronously, no decode (the HTTP plugin\'s path)'
  }
  return contenders.filter(({ subject }) => subject.name !== ENGINE_AWAITED)
    .map(({ subject: { name } }) => ({ name, values: results[name], note: notes[name] ?? how[name] ?? '' }))
    .concat(results[ENGINE_BYTES] === undefined ? [] : [{ name: ENGINE_BYTES, values: results[ENGINE_BYTES], note: how[ENGINE_BYTES]! }])
}

// ---------------------------------------------------------------- 2. L2 hit

/** µs per sequential read of a key that is in Redis but not in this instance's process tier. */
async function l2Hit (contenders: readonly Contender[], engine: EngineHandles, floors: Floors & { prefix: string }): Promise<Row[]> {
  const keys = Array.from({ length: L2_KEYS }, (_, i) => `l2-${i}`)
  const tags = keys.map((key) => `form:${key}`)
  const variants: Record<string, () => Promise<Latency>> = {}
  const measure = async (read: (i: number) => Promise<unknown>, evict?: (key: string) => unknown) => {
    const samples: number[] = []
    for (let i = 0; i < L2_OPS; i++) {
      const k = i % L2_KEYS
      if (evict !== undefined) await evict(keys[k]!)
      const start = hrtime.bigint()
      await read(k)
      samples.push(elapsedUs(start))
    }
    return latencyOf(samples)
  }
  const l2Only = engineL2Only(engine.l2Only)
  const loaded: Record<string, number> = {}
  for (const { subject, a, db } of contenders) {
    if (subject.name === ENGINE_AWAITED) continue // same read path as the engine's
    const loaders = keys.map((key) => db.loader(key))
    for (let i = 0; i < L2_KEYS; i++) await a.getOrSet(keys[i]!, tags[i]!, loaders[i]!)
    await sleep(50)
    // the engine: a cache with L1 off that reads what `a` stored; the peers: `a`, the entry dropped from its process tier first
    const reader = subject.name === ENGINE ? l2Only : a
    variants[subject.name] = async () => {
      const loads = db.loads
      const latency = await measure((k) => reader.getOrSet(keys[k]!, tags[k]!, loaders[k]!), a.evictLocal)
      // a read that loads is not an L2 hit: counted (the engine loads when Redis misses its 100 ms deadline)
      loaded[subject.name] = (loaded[subject.name] ?? 0) + db.loads - loads
      return latency
    }
  }
  if (variants[ENGINE] !== undefined) {
    variants[ENGINE_BYTES] = () => measure(async (k) => {
      const { hit } = await engine.l2Only.open(KIND, keys[k]!, [tags[k]!])
      if (hit?.tier !== 'l2') throw new Error('expected an L2 hit')
    })
  }
  // floors: a bare GET of the same bytes on each kind of client the subjects use
  const floorKeys = keys.map((key) => `${floors.prefix}floor:${key}`)
  for (const key of floorKeys) await floors.ioredis.set(key, JSON.stringify(BASE), 'EX', TTL_SECONDS)
  variants[`${FLOOR}ioredis GET (${PIPELINING})`] = () => measure((k) => floors.ioredis.getBuffer(floorKeys[k]!))
  if (AUTO_PIPELINING) variants[`${FLOOR}ioredis GET (auto-pipelining off)`] = () => measure((k) => floors.ioredisNoPipelining.getBuffer(floorKeys[k]!))
  variants[`${FLOOR}node-redis GET`] = () => measure((k) => floors.nodeRedis.get(floorKeys[k]!))
  // the engine's read command on a bare client: what Redis and ioredis cost an engine L2 hit, without the engine's JavaScript
  const names = await Promise.all(keys.map((key, k) => engine.l2Only.nameOf(KIND, key, [tags[k]!])))
  variants[`${FLOOR}the engine's read command, raw SET NX GET (${PIPELINING})`] = () => measure(async (k) => {
    const entry = await floors.ioredis.setBuffer(names[k]!, 'Lpeers', 'PX', 5000, 'NX', 'GET')
    if (entry === null) throw new Error('expected the engine\'s entry')
  })
  for (const name of Object.keys(variants)) if (!selected(name)) delete variants[name]
  for (const run of Object.values(variants)) await run()
  for (const name of Object.keys(loaded)) loaded[name] = 0 // the measured rounds only
  const results = await measured('l2', ROUNDS, variants, () => L2_OPS)
  const how: Record<string, string> = {
    [ENGINE]: 'getOrSet on a cache with L1 off (CACHE_L1_ENABLED=false): one round trip, the entry checked against its tag version',
    [ENGINE_BYTES]: 'open() on the same cache: the bytes, no JSON decode (the HTTP plugin\'s path)',
    'async-cache-dedupe': 'no process tier: every read is a Redis GET (its ioredis client has the engine\'s options)',
    [`${FLOOR}ioredis GET (${PIPELINING})`]: 'the engine\'s client options (bentocache and async-cache-dedupe get the same)',
    [`${FLOOR}ioredis GET (auto-pipelining off)`]: 'the same client, auto-pipelining off',
    [`${FLOOR}node-redis GET`]: 'the client @keyv/redis uses (cache-manager, cacheable), its defaults',
    [`${FLOOR}the engine's read command, raw SET NX GET (${PIPELINING})`]: 'the command an engine L2 hit sends, on the engine\'s entries, on the floor client: Redis + ioredis, no engine code'
  }
  return Object.entries(results).map(([name, values]) => ({
    name,
    values: values.map((r) => r.p50),
    p99: values.map((r) => r.p99),
    note: (how[name] ?? 'two-tier instance; the entry dropped from its process tier before each read (not timed), so the read refills it') +
      (loaded[name] ? `; **${loaded[name]} of ${ROUNDS * L2_OPS} reads loaded instead**` : '')
  }))
}

// ---------------------------------------------------------------- 3. getOrSet miss

/** µs per getOrSet of a new key: miss in both tiers, the loader, the store. */
async function miss (contenders: readonly Contender[], floors: Floors & { prefix: string }): Promise<Row[]> {
  const variants: Record<string, () => Promise<Latency>> = {}
  for (const { subject, a, db } of contenders) {
    let calls = 0
    variants[subject.name] = async () => {
      const samples: number[] = []
      const loads = db.loads
      for (let i = 0; i < MISS_OPS; i++) {
        const key = `miss-${calls++}`
        const loader = db.loader(key)
        const start = hrtime.bigint()
        await a.getOrSet(key, `form:miss-${i % MISS_TAGS}`, loader)
        samples.push(elapsedUs(start))
      }
      if (db.loads - loads !== MISS_OPS) throw new Error(`${subject.name}: a new key did not load`)
      return latencyOf(samples)
    }
  }
  const value = JSON.stringify(BASE)
  let floorCalls = 0
  const floor = (getAndSet: (key: string) => Promise<unknown>) => async () => {
    const samples: number[] = []
    for (let i = 0; i < MISS_OPS; i++) {
      const key = `${floors.prefix}floor:miss-${floorCalls++}`
      const start = hrtime.bigint()
      await getAndSet(key)
      samples.push(elapsedUs(start))
    }
    return latencyOf(samples)
  }
  variants[`${FLOOR}ioredis GET + SET (${PIPELINING})`] = floor(async (key) => {
    await floors.ioredis.getBuffer(key)
    await floors.ioredis.set(key, value, 'EX', TTL_SECONDS)
  })
  variants[`${FLOOR}node-redis GET + SET`] = floor(async (key) => {
    await floors.nodeRedis.get(key)
    await floors.nodeRedis.set(key, value, { EX: TTL_SECONDS })
  })
  for (const name of Object.keys(variants)) if (!selected(name)) delete variants[name]
  for (const run of Object.values(variants)) await run()
  const results = await measured('miss', ROUNDS, variants, () => MISS_OPS)
  const how: Record<string, string> = {
    [ENGINE]: 'getOrSet: resolves before the store (it runs after the answer, off the request\'s path)',
    [ENGINE_AWAITED]: 'open → loader → fill.commit, until Redis has it (the baseline)',
    'bentocache, tags': 'resolves after the Redis SET and the bus message',
    'bentocache, by key': 'resolves after the Redis SET and the bus message',
    'cache-manager': 'wrap: resolves after both stores',
    'cacheable, tags': 'get, then set with tags (its getOrSet takes no tags): resolves after both stores and the tag snapshot',
    'cacheable, by key + sync': 'getOrSet: resolves after both stores and the sync message',
    'async-cache-dedupe': 'resolves after the SET and the reference sets',
    [`${FLOOR}ioredis GET + SET (${PIPELINING})`]: 'two sequential round trips on the engine\'s client options',
    [`${FLOOR}node-redis GET + SET`]: 'the same on node-redis (cache-manager\'s and cacheable\'s client)'
  }
  return Object.entries(results).map(([name, values]) => ({ name, values: values.map((r) => r.p50), p99: values.map((r) => r.p99), note: how[name] ?? '' }))
}

// ---------------------------------------------------------------- 4. invalidate, then read

const TAGGED = new Set([ENGINE, ENGINE_AWAITED, 'bentocache, tags', 'cacheable, tags', 'async-cache-dedupe'])

/** µs for an invalidation and the next read on the same instance, which must return the new value. */
async function invalidateThenRead (contenders: readonly Contender[]): Promise<{ rows: Row[], stale: Record<string, number> }> {
  const keys = Array.from({ length: INVALIDATE_KEYS }, (_, i) => `inv-${i}`)
  const tags = keys.map((key) => `form:${key}`)
  const variants: Record<string, () => Promise<Latency>> = {}
  const stale: Record<string, number> = {}
  for (const { subject, a, db } of contenders) {
    const loaders = keys.map((key) => db.loader(key))
    for (let i = 0; i < INVALIDATE_KEYS; i++) await a.getOrSet(keys[i]!, tags[i]!, loaders[i]!)
    await sleep(50)
    stale[subject.name] = 0
    let op = 0
    variants[subject.name] = async () => {
      const samples: number[] = []
      for (let i = 0; i < INVALIDATE_OPS; i++) {
        const k = op++ % INVALIDATE_KEYS
        const expected = db.bump(keys[k]!)
        const start = hrtime.bigint()
        await a.invalidate(keys[k]!, tags[k]!)
        const value = await a.getOrSet(keys[k]!, tags[k]!, loaders[k]!)
        samples.push(elapsedUs(start))
        if (value.version !== expected) stale[subject.name]!++
      }
      return latencyOf(samples)
    }
  }
  for (const run of Object.values(variants)) await run()
  for (const name of Object.keys(stale)) stale[name] = 0 // count the measured rounds only
  const results = await measured('invalidate', ROUNDS, variants, () => INVALIDATE_OPS)
  const rows = Object.entries(results).map(([name, values]) => ({
    name,
    values: values.map((r) => r.p50),
    p99: values.map((r) => r.p99),
    note: `${TAGGED.has(name) ? 'by tag' : 'by key'}; the read ${name === ENGINE ? 'resolves before its store' : 'includes its store'}`
  }))
  return { rows, stale }
}

// ---------------------------------------------------------------- 5. cross-instance propagation

/**
 * ms from the invalidation call on A until B's next read returns the new
 * value, B polling (one read per event-loop turn). Undefined: B still served
 * the old value when `timeoutMs` ran out.
 */
async function propagationTrial (a: PeerCache, b: PeerCache, db: Database, key: string, tag: string, timeoutMs: number): Promise<number | undefined> {
  const loader = db.loader(key)
  const current = db.version(key)
  // both instances hold the current value in their process tier (B read it last: a store's bus message may have expired B's copy)
  await a.getOrSet(key, tag, loader)
  await b.getOrSet(key, tag, loader)
  await sleep(5)
  if ((await b.getOrSet(key, tag, loader)).version !== current) throw new Error('B does not serve the current value before the trial')
  const expected = db.bump(key)
  const start = performance.now()
  await a.invalidate(key, tag)
  for (;;) {
    if ((await b.getOrSet(key, tag, loader)).version === expected) return performance.now() - start
    if (performance.now() - start > timeoutMs) return undefined
    await nextTurn()
  }
}

async function propagation (contenders: readonly Contender[]): Promise<{ rows: Row[], pooled: Record<string, Latency> }> {
  const keys = Array.from({ length: PROPAGATION_KEYS }, (_, i) => `prop-${i}`)
  const variants: Record<string, () => Promise<number[]>> = {}
  const notes: Record<string, string> = {}
  for (const { subject, a, db } of contenders) {
    if (subject.name === ENGINE_AWAITED) continue // the same engine as `engine`
    const b = await subject.instance()
    let trial = 0
    const once = (timeoutMs: number) => {
      const key = keys[trial++ % PROPAGATION_KEYS]!
      return propagationTrial(a, b, db, key, `form:${key}`, timeoutMs)
    }
    const probes = [await once(NO_BUS_WAIT_MS), await once(NO_BUS_WAIT_MS), await once(NO_BUS_WAIT_MS)]
    if (probes.every((ms) => ms === undefined)) {
      notes[subject.name] = `n/a: no bus; B served its in-process copy for ${NO_BUS_WAIT_MS} ms in each of 3 trials (until its TTL, ${TTL_SECONDS} s)`
      continue
    }
    variants[subject.name] = async () => {
      const samples: number[] = []
      for (let i = 0; i < PROPAGATION_TRIALS; i++) {
        const ms = await once(PROPAGATION_TIMEOUT_MS)
        if (ms === undefined) throw new Error(`${subject.name}: B never returned the new value`)
        samples.push(ms)
      }
      return samples
    }
  }
  const results = await measured('propagation', ROUNDS, variants, () => PROPAGATION_TRIALS)
  const how: Record<string, string> = {
    [ENGINE]: 'invalidateTags on A: new tag version + one message; B drops its L1 entries of the tag',
    'bentocache, tags': 'deleteByTag on A: a tag key written + bus message; B re-reads the tag key from Redis',
    'bentocache, by key': 'delete on A: L2 delete + bus message; B drops the key',
    'cacheable, tags': 'invalidateTag on A: tag version in Redis; B checks it on every get (no message needed)',
    'cacheable, by key + sync': 'delete on A: both tiers + CacheableSync message; B drops the key',
    'async-cache-dedupe': 'invalidateAll on A: the referenced keys deleted in Redis; B has no process tier'
  }
  const pooled: Record<string, Latency> = {}
  const rows: Row[] = contenders.filter(({ subject }) => subject.name !== ENGINE_AWAITED).map(({ subject: { name } }) => {
    const trials = results[name]
    if (trials === undefined) return { name, values: undefined, note: notes[name] ?? '' }
    pooled[name] = latencyOf(trials.flat())
    return { name, values: trials.map(median), p99: trials.map((samples) => percentile(samples, 99)), note: how[name] ?? '' }
  })
  return { rows, pooled }
}

// ---------------------------------------------------------------- the run

const SCENARIOS = ['l1', 'l2', 'miss', 'invalidate', 'propagation'] as const

/** `--scenarios=l1,miss`: only those (all by default). */
const scenarios = process.argv.find((a) => a.startsWith('--scenarios='))?.split('=')[1]?.split(',') ?? [...SCENARIOS]

async function contendersOn (redis: RedisServer) {
  // the engine is built even when not measured: the ioredis peers take its connection options
  const { subjects, handles } = await engineSubjects(redis)
  const all = [...subjects, ...peerSubjects(redis)].filter(({ name }) => selected(name))
  const contenders: Contender[] = []
  for (const subject of all) contenders.push({ subject, a: await subject.instance(), db: database() })
  return { contenders, handles }
}

export async function peers (): Promise<string> {
  const redis = await startRedis()
  const { contenders, handles } = await contendersOn(redis)
  const floors = { ...await floorClients(redis), prefix: redis.prefix }
  watchRedis(floors.ioredisNoPipelining, redis.pid)
  progress(`peers: ${contenders.map(({ subject }) => subject.name).join(', ')}`)
  const sections: string[] = [`Machine: ${machine().summary}; Redis ${redis.version}; the engine and the ioredis peers with ${PIPELINING}.\n`]
  const fasterEverywhere: string[][] = []
  const verdicts = (scenario: string, results: readonly Row[], baseline: string) => {
    const base = results.find((row) => row.name === baseline)?.values
    if (base === undefined) return
    for (const row of results) {
      if (notAPeer(row.name) || row.values === undefined) continue
      const ratio = pairedRatio(row.values, base)
      fasterEverywhere.push([scenario, row.name, times(ratio), ratio > 1 ? 'yes' : '**no**'])
    }
  }

  if (scenarios.includes('l1')) {
    const results = await l1Hit(contenders, handles)
    sections.push(table(`Peers 1 — L1 hit: ns per read of a key in the process tier (median of ${L1_ROUNDS} interleaved rounds over ${L1_KEYS} keys)`,
      HEADER.filter((_, i) => i !== 2), rows('l1', results, ENGINE, 0, 'ns').map((row) => row.filter((_, i) => i !== 2))))
    verdicts('L1 hit', results, ENGINE)
  }
  if (scenarios.includes('l2')) {
    const results = await l2Hit(contenders, handles, floors)
    sections.push(table(`Peers 2 — L2 hit, empty L1: µs per sequential read (medians of ${ROUNDS} interleaved rounds of ${L2_OPS} reads over ${L2_KEYS} keys)`,
      HEADER, rows('l2', results, ENGINE, 1, 'µs')))
    verdicts('L2 hit', results, ENGINE)
  }
  if (scenarios.includes('miss')) {
    const results = await miss(contenders, floors)
    sections.push(table(`Peers 3 — getOrSet miss: µs per call for a new key, store included (medians of ${ROUNDS} interleaved rounds of ${MISS_OPS} calls)`,
      HEADER, rows('miss', results, ENGINE_AWAITED, 1, 'µs')))
    verdicts('getOrSet miss', results, ENGINE_AWAITED)
  }
  if (scenarios.includes('invalidate')) {
    const { rows: results, stale } = await invalidateThenRead(contenders)
    sections.push(table(`Peers 4 — invalidate, then read on the same instance: µs for both (medians of ${ROUNDS} interleaved rounds of ${INVALIDATE_OPS})`,
      [...HEADER, 'old value read'], rows('invalidate', results, ENGINE_AWAITED, 1, 'µs').map((row, i) => [...row, String(stale[results[i]!.name] ?? 0)])))
    verdicts('invalidate + read', results, ENGINE_AWAITED)
  }
  if (scenarios.includes('propagation')) {
    const { rows: results, pooled } = await propagation(contenders)
    sections.push(table(`Peers 5 — propagation: ms from the invalidation call on A until B's next read returns the new value (${ROUNDS} interleaved rounds of ${PROPAGATION_TRIALS} trials; p50/p99 of all trials; ratio: paired per-round medians; CPU and commands per trial, its three set-up reads included)`,
      HEADER, rows('propagation', results, ENGINE, 3, 'ms').map((row, i) => {
        const all = pooled[results[i]!.name]
        if (all !== undefined) { row[1] = `${fmt(all.p50, 3)} ms`; row[2] = `${fmt(all.p99, 3)} ms` }
        return row
      })))
    verdicts('propagation', results, ENGINE)
  }
  if (fasterEverywhere.length > 0) sections.push(table('Peers — is the engine faster than each peer?', ['scenario', 'peer', 'peer ÷ engine', 'engine faster'], fasterEverywhere))
  return sections.join('\n')
}

runIfMain(import.meta, peers)
