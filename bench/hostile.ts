// Scenario 7 — hostile input against one instance: what 10,000 requests with
// distinct junk query strings leave in memory (the heap a full collection keeps, RSS, the
// in-process tier, Redis), what 10,000 distinct valid searches leave (bounded
// by the kind's entry limit and the byte budget), and how long a 19-star
// pattern invalidation takes with 10,000 entries in the in-process tier.
import { join } from 'node:path'
import { Agent, request } from 'node:http'
import type { Redis } from 'ioredis'
import { ADMIN, api, fmt, freePort, login, median, progress, runIfMain, serviceEnv, startInstance, startRedis, table, tempDir, verdict, type Instance } from './lib.js'
import { seedDatabase } from './seed.js'

const REQUESTS = 10_000
const CONCURRENCY = 16
/** The in-process budget and the search kind's entry limit for this run (small, so that the bound is what is measured). */
const L1_MAX_BYTES = 32 * 1024 * 1024
const QUERY_RESULT_LIMIT = 10_000
const SEARCH_BATCHES = 3
/** 19 stars each: nothing matches the first two; a backtracking matcher needs exponential time on them. */
const PATTERNS = ['*'.repeat(19) + '!', '*a'.repeat(19) + '!', 'query:result:' + '*'.repeat(19)]
const PATTERN_TARGET_MS = 10
const PATTERN_ROUNDS = 5

const mib = (bytes: number) => `${fmt(bytes / 1024 ** 2, 1)} MiB`

/** `count` GETs of `pathOf(i)`, `CONCURRENCY` at a time; the status codes seen, with their counts. */
async function sweep (base: string, count: number, pathOf: (i: number) => string, token?: string): Promise<Map<number, number>> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  const statuses = new Map<number, number>()
  let next = 0
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) {
      const path = pathOf(next++)
      const status = await new Promise<number>((resolve, reject) => {
        request(base + path, { agent, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } }, (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode!))
        }).on('error', reject).end()
      })
      statuses.set(status, (statuses.get(status) ?? 0) + 1)
    }
  }))
  agent.destroy()
  return statuses
}

const describeStatuses = (statuses: Map<number, number>) => [...statuses].map(([status, count]) => `${count.toLocaleString('en-US')} × ${status}`).join(', ')

/** A raw SCAN MATCH of `pattern` under the prefix (COUNT as the service's), timed: what Redis spends on it whatever the cache does. */
async function timeScan (client: Redis, prefix: string, pattern: string): Promise<number> {
  const started = performance.now()
  let cursor = '0'
  do [cursor] = await client.scan(cursor, 'MATCH', prefix + pattern, 'COUNT', 2000)
  while (cursor !== '0')
  return performance.now() - started
}

interface Footprint { rss: number, heap: number, l1Entries: number, l1Bytes: number, redisKeys: number }

async function footprint (instance: Instance, token: string): Promise<Footprint> {
  const stats = await api<{ tiers: { l1: { entries: number, bytes: number } }, total_keys: number }>(instance.url, 'GET', '/api/v1/admin/cache/stats', undefined, token)
  const { rss, heapUsed } = await instance.memory()
  return { rss, heap: heapUsed, l1Entries: stats.tiers.l1.entries, l1Bytes: stats.tiers.l1.bytes, redisKeys: stats.total_keys }
}

export async function hostile (): Promise<string> {
  const redis = await startRedis()
  const sqlitePath = join(tempDir('hostile'), 'forms.db')
  const data = await seedDatabase(sqlitePath, { forms: 200, editors: 2, viewers: 2, admin: ADMIN })
  const instance = await startInstance('hostile', serviceEnv(redis, sqlitePath, {
    CACHE_L1_MAX_BYTES: String(L1_MAX_BYTES), CACHE_MAX_ENTRIES_QUERY_RESULT: String(QUERY_RESULT_LIMIT)
  }))
  const admin = await login(instance.url, ADMIN.email, ADMIN.password)
  const published = data.forms.find((form) => form.status === 'published')!
  const rows: string[][] = []
  const targets: string[][] = []

  // anonymous: distinct junk parameters and junk values on the public schema route
  const start = await footprint(instance, admin)
  progress(`hostile: ${REQUESTS.toLocaleString('en-US')} anonymous requests with distinct junk query strings`)
  const junk = await sweep(instance.url, REQUESTS, (i) => i % 2 === 0
    ? `/api/v1/forms/${published.id}/schema?cb=${i}`
    : `/api/v1/forms/${published.id}/schema?${'x'.repeat(i % 300)}=${i}`)
  const afterJunk = await footprint(instance, admin)
  rows.push(['10,000 anonymous GET /forms/:id/schema with distinct junk parameters', describeStatuses(junk),
    mib(afterJunk.heap - start.heap), mib(afterJunk.rss - start.rss), String(afterJunk.l1Entries - start.l1Entries), String(afterJunk.redisKeys - start.redisKeys)])
  targets.push(['junk query strings add no cache entry (L1 and Redis)', `${afterJunk.l1Entries - start.l1Entries} and ${afterJunk.redisKeys - start.redisKeys}`,
    verdict(afterJunk.l1Entries === start.l1Entries && afterJunk.redisKeys === start.redisKeys)])

  // signed in: distinct valid searches, each a cache entry of its own, in batches past the kind's limit
  let previous = afterJunk
  const heaps: number[] = []
  for (let batch = 0; batch < SEARCH_BATCHES; batch++) {
    progress(`hostile: ${REQUESTS.toLocaleString('en-US')} distinct valid searches (per_page=100), batch ${batch + 1}/${SEARCH_BATCHES}`)
    const searches = await sweep(instance.url, REQUESTS, (i) => `/api/v1/forms?q=${(batch * REQUESTS + i).toString(36)}&per_page=100`, admin)
    const after = await footprint(instance, admin)
    rows.push([`10,000 signed-in searches with distinct terms (per_page=100), batch ${batch + 1}`, describeStatuses(searches),
      mib(after.heap - previous.heap), mib(after.rss - previous.rss), String(after.l1Entries - previous.l1Entries), String(after.redisKeys - previous.redisKeys)])
    previous = after
    heaps.push(after.heap)
  }
  targets.push([`in-process bytes ≤ CACHE_L1_MAX_BYTES (${mib(L1_MAX_BYTES)})`, mib(previous.l1Bytes), verdict(previous.l1Bytes <= L1_MAX_BYTES)])
  targets.push([`Redis keys added ≤ the query_result limit + 10 % (${QUERY_RESULT_LIMIT.toLocaleString('en-US')})`,
    (previous.redisKeys - start.redisKeys).toLocaleString('en-US'), verdict(previous.redisKeys - start.redisKeys <= QUERY_RESULT_LIMIT * 1.1)])
  // once the kind is full, more distinct searches replace entries: what the heap retains stops growing
  const lateGrowth = heaps.at(-1)! - heaps.at(-2)!
  targets.push([`retained heap levels off past the limit: batch ${SEARCH_BATCHES} adds ≤ 5 % of batch 1's growth (${mib(heaps[0]! - afterJunk.heap)})`,
    mib(lateGrowth), verdict(lateGrowth <= 0.05 * (heaps[0]! - afterJunk.heap))])

  // 19-star patterns through the admin route, each against a freshly filled in-process tier of 10,000 entries:
  // on this instance (its SCAN of Redis included), and on one whose Redis is unreachable (the in-process tier alone)
  const l1Only = await startInstance('hostile-l1-only', serviceEnv(redis, sqlitePath, {
    REDIS_PORT: String(await freePort()), CACHE_L1_MAX_BYTES: String(L1_MAX_BYTES), CACHE_MAX_ENTRIES_QUERY_RESULT: String(QUERY_RESULT_LIMIT)
  }))
  const l1OnlyAdmin = await login(l1Only.url, ADMIN.email, ADMIN.password)
  const patternRows: string[][] = []
  const scanner = redis.client()
  await scanner.connect()
  for (const [label, target, token] of [['L1 + Redis', instance, admin], ['L1 only (Redis unreachable)', l1Only, l1OnlyAdmin]] as const) {
    for (const pattern of PATTERNS) {
      const times: number[] = []
      const scanTimes: number[] = []
      const healthTimes: number[] = []
      let before: Footprint | undefined
      let deleted = 0
      for (let round = 0; round < PATTERN_ROUNDS; round++) {
        progress(`hostile: ${label}, pattern ${pattern}, round ${round + 1}/${PATTERN_ROUNDS}`)
        await sweep(target.url, REQUESTS, (i) => `/api/v1/forms?q=${i.toString(36)}&per_page=1`, token)
        before = await footprint(target, token)
        // what Redis' SCAN of this pattern costs by itself, with the same batch size as the service's
        if (target === instance) scanTimes.push(await timeScan(scanner, redis.prefix, pattern))
        const started = performance.now()
        deleted = (await api<{ keys_deleted: number }>(target.url, 'DELETE', `/api/v1/admin/cache/pattern/${encodeURIComponent(pattern)}`, undefined, token)).keys_deleted
        times.push(performance.now() - started)
        const health = performance.now()
        await api(target.url, 'GET', '/health')
        healthTimes.push(performance.now() - health)
      }
      const ms = median(times)
      patternRows.push([label, `\`${pattern}\``, before!.l1Entries.toLocaleString('en-US'), target === instance ? before!.redisKeys.toLocaleString('en-US') : '',
        String(deleted), fmt(ms, 1), fmt(Math.max(...times), 1), scanTimes.length === 0 ? '' : fmt(median(scanTimes), 1), fmt(median(healthTimes), 1)])
      // The target is on the in-process keys (where a backtracking matcher once ran). With Redis, the same
      // request also waits for Redis' own SCAN of its keyspace, which the table shows timed alone.
      if (target === l1Only) {
        targets.push([`\`${pattern.length > 24 ? pattern.slice(0, 22) + '…' : pattern}\` with ${before!.l1Entries.toLocaleString('en-US')} L1 entries < ${PATTERN_TARGET_MS} ms (median)`,
          `${fmt(ms, 1)} ms`, verdict(ms < PATTERN_TARGET_MS)])
      }
    }
  }

  scanner.disconnect()

  return [
    table(`Hostile input: one instance, CACHE_L1_MAX_BYTES ${mib(L1_MAX_BYTES)}, query_result limit ${QUERY_RESULT_LIMIT.toLocaleString('en-US')}, ${CONCURRENCY} clients`,
      ['requests', 'answers', 'retained heap growth (after a full GC)', 'RSS growth', 'L1 entries added', 'Redis keys added'], rows),
    table(`19-star patterns: the admin invalidation, timed from the client, then /health on the same instance (${PATTERN_ROUNDS} rounds, each on a freshly filled tier)`,
      ['instance', 'pattern', 'L1 entries before', 'Redis keys before', 'deleted', 'DELETE /admin/cache/pattern, median ms', 'slowest ms', 'Redis SCAN MATCH alone, median ms', '/health after, median ms'], patternRows),
    table('Hostile input targets', ['target', 'measured', ''], targets)
  ].join('\n')
}

runIfMain(import.meta, hostile)
