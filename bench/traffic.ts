// The realistic traffic of the workload and outage benches: Zipf-distributed
// reads of forms, schemas, analytics, lists, searches and dashboard widgets,
// with 5 % writes (form updates, response submissions), spread over several
// instances — and a check of every answer against the writes acknowledged before it.
import { Agent, request } from 'node:http'
import { percentile, prng, zipf } from './lib.js'
import { answers, SEARCH_TERMS, type Seed, type SeededForm } from './seed.js'

/**
 * The mix, in % of requests. Most traffic is people answering forms: the
 * public schema (anonymous), then the submission; signed-in editors and viewers
 * read forms, analytics, responses, lists, searches and their dashboards; editors
 * now and then change a form. 5 % writes: 4 % submissions, 1 % form updates.
 */
export const OPERATIONS = {
  'GET schema': 40,
  'POST response': 4,
  'GET form': 25,
  'GET analytics': 8,
  'GET responses': 4,
  'GET list page': 6,
  'GET search': 3,
  'GET widget': 9,
  'PATCH form': 1
} as const
export type OperationName = keyof typeof OPERATIONS

const ZIPF_S = 1.1
const WIDGETS = ['forms_by_status', 'responses_per_form', 'recent_responses', 'responses_last_30_days']
/** Connections per instance the driver may open (requests beyond wait in its queue, and that counts). */
const MAX_SOCKETS = 64
/** Reads on another instance may miss a write for this long (invalidations travel on pub/sub). */
export const PROPAGATION_BOUND_MS = 100

interface Reply { status: number, cache: string | undefined, body: string }

function send (agent: Agent, base: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = request(base + path, {
      agent,
      method,
      headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
    }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => { text += chunk })
      res.on('end', () => resolve({ status: res.statusCode!, cache: res.headers['x-cache'] as string | undefined, body: text }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(payload)
  })
}

/**
 * The writes the driver saw acknowledged, to judge every read: a read is stale
 * when it shows a form older than a version acknowledged before the read
 * started (or fewer responses than were acknowledged). Counted twice: at all,
 * and only when the write was acknowledged more than PROPAGATION_BOUND_MS
 * before; for those, how long the read lagged behind the first write it missed.
 */
function createFreshness (seed: Seed) {
  const versions = new Map<string, Array<{ version: number, at: number }>>()
  const submissions = new Map<string, number[]>()
  const seeded = new Map(seed.forms.map((form) => [form.id, form.responses]))
  const counts = { checked: 0, staleRaw: 0, stale: 0 }
  /** [read start, lag (ms), route] of every stale read. */
  const staleReads: Array<[number, number, string]> = []

  /** `missedSince`: when the oldest write acknowledged before the read, and not in what it returned, was acknowledged. */
  function judge (route: string, missedSince: number | undefined, startedAt: number) {
    counts.checked++
    if (missedSince === undefined) return
    counts.staleRaw++
    if (startedAt - missedSince <= PROPAGATION_BOUND_MS) return
    counts.stale++
    staleReads.push([startedAt, startedAt - missedSince, route])
  }

  return {
    counts,
    staleReads,
    ackVersion (formId: string, version: number, at: number) {
      const list = versions.get(formId) ?? []
      list.push({ version, at })
      versions.set(formId, list.slice(-50))
    },
    ackSubmission (formId: string, at: number) {
      const list = submissions.get(formId) ?? []
      list.push(at)
      submissions.set(formId, list)
    },
    version (route: string, formId: string, version: number, startedAt: number) {
      const missed = (versions.get(formId) ?? []).filter((ack) => ack.at < startedAt && ack.version > version)
      judge(route, missed.length === 0 ? undefined : Math.min(...missed.map((ack) => ack.at)), startedAt)
    },
    responses (route: string, formId: string, total: number, startedAt: number) {
      const acked = (submissions.get(formId) ?? []).filter((at) => at < startedAt)
      const shown = total - (seeded.get(formId) ?? 0)
      judge(route, shown < acked.length ? acked[Math.max(0, shown)] : undefined, startedAt)
    }
  }
}

export interface RouteFigures { count: number, cacheHits: number, latencies: number[] }

export interface TrafficRun {
  requests: number
  seconds: number
  /** ms from when the driver sent each request (its wait for a free connection included) until it was answered. */
  latencies: number[]
  /** ms each request was sent after it was due: the driver's own timer (1 ms ticks), the same for any service. */
  lateness: number[]
  /** [start (ms since the run began), latency (ms), ok] per request, for phase analysis. */
  timeline: Array<[number, number, boolean]>
  routes: Record<OperationName, RouteFigures>
  failures: number
  failureSamples: string[]
  /** 409s of concurrent PATCHes of one form (the service's optimistic concurrency), not failures. */
  conflicts: number
  freshness: { checked: number, staleRaw: number, stale: number }
  /** [start (ms since the run began), lag (ms), route] of every read beyond the propagation bound. */
  staleReads: Array<[number, number, string]>
  /** With `log: true`, every request: its start (ms since the run began), what it asked, and how it was answered. */
  log: RequestRecord[]
}

/** `at`: when it was sent, `doneAt`: when its answer came (ms since the run began). */
export interface RequestRecord { at: number, doneAt: number, method: string, path: string, token: string | undefined, status: number, cache: string | undefined }

interface Operation { name: OperationName, method: string, path: string, token?: string, body?: unknown, check?: (json: unknown, startedAt: number) => void }

/**
 * A traffic generator over one seeded database. The same `seed` replays the
 * same sequence of operations, so two systems (with and without the cache)
 * get identical workloads.
 */
export function createTraffic (data: Seed, tokens: ReadonlyMap<string, string>, { seed = 7 } = {}) {
  const random = prng(seed)
  const formRank = zipf(data.forms.length, ZIPF_S, random)
  const pageRank = zipf(10, ZIPF_S, random)
  const termRank = zipf(SEARCH_TERMS.length, ZIPF_S, random)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  const freshness = createFreshness(data)
  const admin = data.users.find((user) => user.role === 'admin')!
  const readers = data.users.filter((user) => user.role !== 'admin')
  const reader = () => tokens.get(random() < 0.1 ? admin.id : pick(readers).id)!
  /** Responses and analytics are the form owner's and the admins'. */
  const ownerOf = (form: SeededForm) => tokens.get(random() < 0.1 ? admin.id : form.ownerId)!
  const weights = Object.entries(OPERATIONS) as Array<[OperationName, number]>
  const totalWeight = weights.reduce((sum, [, weight]) => sum + weight, 0)
  let revision = 0

  function nextPublished (): SeededForm {
    for (;;) {
      const form = data.forms[formRank()]!
      if (form.status === 'published') return form
    }
  }

  const checkForm = (route: string) => (json: unknown, startedAt: number) => {
    const form = json as { id: string, version: number }
    freshness.version(route, form.id, form.version, startedAt)
  }
  const checkList = (route: string) => (json: unknown, startedAt: number) => {
    for (const item of (json as { items: Array<{ id: string, version: number }> }).items) freshness.version(route, item.id, item.version, startedAt)
  }

  function operation (name: OperationName): Operation {
    const form = data.forms[formRank()]!
    const base = `/api/v1/forms/${form.id}`
    switch (name) {
      case 'GET form': return { name, method: 'GET', path: base, token: reader(), check: checkForm(name) }
      case 'GET schema': return {
        name,
        method: 'GET',
        path: `${base}/schema`,
        // the public route for published forms; the others only for signed-in users
        token: form.status === 'published' ? undefined : reader(),
        check: (json, startedAt) => freshness.version(name, form.id, (json as { version: number }).version, startedAt)
      }
      case 'GET analytics': return {
        name, method: 'GET', path: `${base}/analytics`, token: ownerOf(form), check: (json, at) => freshness.responses(name, form.id, (json as { total_responses: number }).total_responses, at)
      }
      case 'GET responses': return {
        name, method: 'GET', path: `${base}/responses?page=1&per_page=10`, token: ownerOf(form), check: (json, at) => freshness.responses(name, form.id, (json as { total: number }).total, at)
      }
      case 'GET list page': {
        const status = random() < 0.5 ? '&status=published' : ''
        return { name, method: 'GET', path: `/api/v1/forms?page=${1 + pageRank()}&per_page=20${status}`, token: reader(), check: checkList(name) }
      }
      case 'GET search':
        return { name, method: 'GET', path: `/api/v1/forms?q=${SEARCH_TERMS[termRank()]}&per_page=20`, token: reader(), check: checkList(name) }
      case 'GET widget': return { name, method: 'GET', path: `/api/v1/dashboard/widgets/${pick(WIDGETS)}`, token: reader() }
      case 'PATCH form': return { name, method: 'PATCH', path: base, token: tokens.get(admin.id)!, body: { description: `Revision ${++revision}` } }
      case 'POST response': {
        const open = nextPublished()
        return { name, method: 'POST', path: `/api/v1/forms/${open.id}/responses`, body: { answers: answers(random) } }
      }
    }
  }

  function next (): Operation {
    let ticket = random() * totalWeight
    for (const [name, weight] of weights) {
      ticket -= weight
      if (ticket < 0) return operation(name)
    }
    return operation('GET form')
  }

  /**
   * An open loop: `rate` requests per second for `durationMs`, each to a random
   * instance, whether or not the earlier ones have been answered (no
   * coordinated omission: a slow service is charged for the queue it builds).
   * A request is sent at the first timer tick at or after it is due; its
   * latency counts from then, and how late the tick was is kept apart.
   */
  async function run ({ targets, rate, durationMs, log = false }: { targets: readonly string[], rate: number, durationMs: number, log?: boolean }): Promise<TrafficRun> {
    const agent = new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS })
    const routes = Object.fromEntries(weights.map(([name]) => [name, { count: 0, cacheHits: 0, latencies: [] }])) as unknown as Record<OperationName, RouteFigures>
    const result: TrafficRun = {
      requests: 0, seconds: 0, latencies: [], lateness: [], timeline: [], routes, failures: 0, failureSamples: [], conflicts: 0, freshness: freshness.counts, staleReads: [], log: []
    }
    const before = { ...freshness.counts }
    const staleBefore = freshness.staleReads.length
    const started = performance.now()
    const end = started + durationMs
    const fail = (message: string) => {
      result.failures++
      if (result.failureSamples.length < 5) result.failureSamples.push(message)
    }

    /** `dueAt`: when the request was due; its latency and freshness count from when it was sent. */
    async function one (op: Operation, dueAt: number) {
      const target = pick(targets)
      const sentAt = performance.now()
      result.lateness.push(sentAt - dueAt)
      let ok = false
      try {
        const headers: Record<string, string> = op.token === undefined ? {} : { authorization: `Bearer ${op.token}` }
        const reply = await send(agent, target, op.method, op.path, headers, op.body)
        const at = performance.now()
        if (log) result.log.push({ at: sentAt - started, doneAt: at - started, method: op.method, path: op.path, token: op.token, status: reply.status, cache: reply.cache })
        if (reply.status === 409 && op.name === 'PATCH form') {
          result.conflicts++
          ok = true
        } else if (reply.status !== 200 && reply.status !== 201) {
          fail(`${op.method} ${op.path}: ${reply.status} ${reply.body.slice(0, 200)}`)
        } else {
          ok = true
          const json = JSON.parse(reply.body) as { id: string, form_id: string, version: number }
          if (op.name === 'PATCH form') freshness.ackVersion(json.id, json.version, at)
          if (op.name === 'POST response') freshness.ackSubmission(json.form_id, at)
          op.check?.(json, sentAt)
          if (reply.cache === 'HIT') routes[op.name].cacheHits++
        }
      } catch (err) {
        fail(`${op.method} ${op.path}: ${(err as Error).message}`)
      }
      const latency = performance.now() - sentAt
      routes[op.name].count++
      routes[op.name].latencies.push(latency)
      result.latencies.push(latency)
      result.timeline.push([dueAt - started, latency, ok])
    }

    const pending = new Set<Promise<void>>()
    const interval = 1000 / rate
    let issued = 0
    while (performance.now() < end) {
      // every request due by now: number `issued` is due at `issued * interval`
      const due = Math.floor((performance.now() - started) / interval) + 1
      for (; issued < due; issued++) {
        const request = one(next(), started + issued * interval)
        pending.add(request)
        void request.finally(() => pending.delete(request))
      }
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    await Promise.all(pending)
    agent.destroy()
    result.requests = result.latencies.length
    result.seconds = (performance.now() - started) / 1000
    result.freshness = {
      checked: freshness.counts.checked - before.checked,
      staleRaw: freshness.counts.staleRaw - before.staleRaw,
      stale: freshness.counts.stale - before.stale
    }
    result.staleReads = freshness.staleReads.slice(staleBefore).map(([at, lag, route]) => [at - started, lag, route])
    return result
  }

  /**
   * Steady state without an hour of traffic: reads every form once through
   * each form-level route (as a long run would have), spread over the instances.
   */
  async function prime ({ targets, concurrency }: { targets: readonly string[], concurrency: number }): Promise<number> {
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
    const requests = data.forms.flatMap((form) => [
      { path: `/api/v1/forms/${form.id}/schema`, token: form.status === 'published' ? undefined : reader() },
      { path: `/api/v1/forms/${form.id}`, token: reader() },
      { path: `/api/v1/forms/${form.id}/analytics`, token: ownerOf(form) }
    ])
    let next = 0
    let failed = 0
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const { path, token } = requests[next++]!
        const reply = await send(agent, pick(targets), 'GET', path, token === undefined ? {} : { authorization: `Bearer ${token}` })
        if (reply.status !== 200) failed++
      }
    }))
    agent.destroy()
    if (failed > 0) throw new Error(`${failed} priming requests failed`)
    return requests.length
  }

  return { run, prime }
}

/** p50/p99 (ms) of the requests that started in [from, to) ms of a run. */
export function phaseLatency (run: TrafficRun, from: number, to: number) {
  const inPhase = run.timeline.filter(([start]) => start >= from && start < to)
  const latencies = inPhase.map(([, latency]) => latency)
  const stale = run.staleReads.filter(([start]) => start >= from && start < to)
  return {
    requests: inPhase.length,
    failures: inPhase.filter(([, , ok]) => !ok).length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    stale: stale.length,
    maxLag: Math.max(0, ...stale.map(([, lag]) => lag))
  }
}
