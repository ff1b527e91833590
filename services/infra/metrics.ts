import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { BreakerState } from '../cache/breaker.js'
import type { CacheService } from '../cache/cache-service.js'
import { CACHE_KINDS, type CacheKind } from '../cache/kinds.js'
import type { Tier } from '../cache/types.js'
import type { InvalidationService } from '../caching/invalidation.js'
import type { OperationCounts } from '../repositories/counting.js'

export interface MetricsSources {
  cache: Pick<CacheService, 'counters' | 'stats'>
  invalidation: Pick<InvalidationService, 'totals'>
  repositories: { readonly counts: Readonly<OperationCounts>, readonly availability: { readonly up: boolean } }
}

/** cache_breaker_state as a number (Prometheus has no strings): alert on > 0. */
export const BREAKER_STATE_VALUE: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 }

const TIERS: readonly Tier[] = ['l1', 'l2']

type CacheStats = Awaited<ReturnType<CacheService['stats']>>

type Labels = Record<string, string>
type Sample = readonly [labels: Labels, value: number]

interface ReadMetric {
  name: string
  help: string
  labelNames?: string[]
  /** The current values, read at scrape time. */
  read: () => Iterable<Sample>
}

/** The options of a metric whose values are read at scrape time: `write` copies each sample into it. */
function readAtScrape<M extends Counter | Gauge> (registry: Registry, { name, help, labelNames = [], read }: ReadMetric, write: (metric: M, labels: Labels, value: number) => void) {
  return {
    name,
    help,
    labelNames,
    registers: [registry],
    collect (this: M) {
      this.reset()
      for (const [labels, value] of read()) write(this, labels, value)
    }
  }
}

/** A counter whose totals are kept by its source (the cache, the repositories): copied at scrape time. */
const readCounter = (registry: Registry, metric: ReadMetric) =>
  new Counter(readAtScrape<Counter>(registry, metric, (counter, labels, value) => counter.inc(labels, value)))

/** A gauge read at scrape time. */
const readGauge = (registry: Registry, metric: ReadMetric) =>
  new Gauge(readAtScrape<Gauge>(registry, metric, (gauge, labels, value) => gauge.set(labels, value)))

const perKind = (value: (kind: CacheKind) => number): Sample[] => CACHE_KINDS.map((kind) => [{ kind }, value(kind)])
const single = (value: number): Sample[] => [[{}, value]]

/**
 * The Prometheus metrics of one app instance, in a registry of its own (the
 * tests run many instances in one process; the global registry would mix
 * them). Nothing is counted twice: at scrape time every cache, invalidation
 * and database figure is read from the counters the stats endpoint reads too.
 */
export function createMetrics ({ cache, invalidation, repositories }: MetricsSources) {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const { kinds } = cache.counters

  // cache.stats() asks Redis: read once per scrape (by render), not once per metric
  let stats: CacheStats | undefined

  readCounter(registry, {
    name: 'cache_hits_total',
    help: 'Cache hits by kind and tier (l1: in-process, l2: Redis)',
    labelNames: ['kind', 'tier'],
    read: () => CACHE_KINDS.flatMap((kind) => TIERS.map((tier): Sample => [{ kind, tier }, kinds[kind].hits[tier]]))
  })
  readCounter(registry, {
    name: 'cache_misses_total',
    help: 'Cache misses by kind (neither tier had the entry)',
    labelNames: ['kind'],
    read: () => perKind((kind) => kinds[kind].misses)
  })
  readCounter(registry, {
    name: 'cache_writes_total',
    help: 'Cache writes by kind',
    labelNames: ['kind'],
    read: () => perKind((kind) => kinds[kind].writes)
  })
  readCounter(registry, {
    name: 'cache_evictions_total',
    help: 'Entries pushed out by the kind\'s size limit (CACHE_MAX_ENTRIES_*), both tiers',
    labelNames: ['kind'],
    read: () => perKind((kind) => stats?.kinds[kind].evictions ?? 0)
  })
  readGauge(registry, {
    name: 'cache_entries',
    help: 'Entries held by kind and tier (l1: this process, l2: Redis, shared by every instance)',
    labelNames: ['kind', 'tier'],
    read: () => CACHE_KINDS.flatMap((kind): Sample[] => [
      [{ kind, tier: 'l1' }, stats?.kinds[kind].entries_l1 ?? 0],
      [{ kind, tier: 'l2' }, stats?.kinds[kind].entries_l2 ?? 0]
    ])
  })
  readCounter(registry, {
    name: 'cache_stale_served_total',
    help: 'Grace entries served past their TTL by kind (fail-safe: the database failed, was slow, or is backing off)',
    labelNames: ['kind'],
    read: () => perKind((kind) => kinds[kind].stale)
  })
  readCounter(registry, {
    name: 'cache_refreshes_total',
    help: 'Background refreshes by kind (eager refresh near the end of a TTL, or a load that went on past the soft timeout)',
    labelNames: ['kind'],
    read: () => perKind((kind) => kinds[kind].refreshes)
  })
  readCounter(registry, {
    name: 'cache_load_failures_total',
    help: 'Loads that failed by kind (the database), each followed by a backoff before the next attempt',
    labelNames: ['kind'],
    read: () => perKind((kind) => kinds[kind].failures)
  })
  readCounter(registry, {
    name: 'cache_load_timeouts_total',
    help: 'Loads abandoned at the hard timeout by kind (answered 503 when there was no grace entry)',
    labelNames: ['kind'],
    read: () => perKind((kind) => kinds[kind].timeouts)
  })
  readCounter(registry, {
    name: 'cache_errors_total',
    help: 'Failed Redis operations (timeouts, connection errors)',
    read: () => single(cache.counters.errors)
  })
  readGauge(registry, {
    name: 'cache_backend_up',
    help: '1 while Redis serves the cache, 0 while this instance runs on the in-process tier alone',
    read: () => single(stats?.backend === 'redis' ? 1 : 0)
  })
  readGauge(registry, {
    name: 'cache_breaker_state',
    help: 'The Redis circuit breaker: 0 closed (Redis used), 1 half_open (probing), 2 open (Redis skipped)',
    read: () => single(stats === undefined ? 0 : BREAKER_STATE_VALUE[stats.breaker])
  })
  readCounter(registry, {
    name: 'cache_invalidations_total',
    help: 'Invalidation handler calls by event (on_form_updated, ..., invalidate_form, invalidate_user)',
    labelNames: ['event'],
    read: () => [...invalidation.totals()].map(([event, calls]): Sample => [{ event }, calls])
  })
  readGauge(registry, {
    name: 'db_up',
    help: '1 while the database answers, 0 while it is known to be unavailable (calls fail at once, grace entries are served)',
    read: () => single(repositories.availability.up ? 1 : 0)
  })
  readCounter(registry, {
    name: 'db_reads_total',
    help: 'Repository reads (every database query that reads)',
    read: () => single(repositories.counts.reads)
  })
  readCounter(registry, {
    name: 'db_writes_total',
    help: 'Repository writes',
    read: () => single(repositories.counts.writes)
  })

  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'],
    registers: [registry]
  })

  // one bound child per method, route and status: no label lookup per request (the set is small and fixed)
  const children = new Map<string, ReturnType<typeof requestDuration.labels>>()

  return {
    contentType: registry.contentType,

    /** `route` is the route's pattern (`/api/v1/forms/:form_id`), never the raw URL: label values stay few. */
    observeRequest (method: string, route: string, statusCode: number, seconds: number) {
      const id = `${method} ${statusCode} ${route}`
      let child = children.get(id)
      if (child === undefined) children.set(id, child = requestDuration.labels(method, route, String(statusCode)))
      child.observe(seconds)
    },

    /** The exposition text, every figure current. */
    async render (): Promise<string> {
      stats = await cache.stats()
      return registry.metrics()
    }
  }
}

export type Metrics = ReturnType<typeof createMetrics>
