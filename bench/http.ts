// Scenario 2 — HTTP, side by side in one run with autocannon (in a process of
// its own): GET /api/v1/forms/:id served from L1, from L2 only
// (CACHE_L1_ENABLED=false), uncached (CACHE_ENABLED=false, SQLite), and a bare
// Fastify route sending the same bytes and headers; at ~1 KB and ~12 KB. Also
// the public schema route (no authentication) from L1 against its bare twin.
// With two cores or more, the server under load and autocannon each get a core
// of their own: on a shared pair they take turns, and req/s then measures the
// scheduler as much as the server.
import { join } from 'node:path'
import type { BareRoute } from './bare-server.js'
import type { LoadResult } from './load.js'
import {
  ADMIN, api, cpuMs, fmt, interleaved, login, median, pairedRatio, pin, progress, runIfMain, runLoad, serviceEnv, startInstance,
  startRedis, statsDelta, table, tempDir, times, verdict, type Instance, type InstanceStats
} from './lib.js'

const CONNECTIONS = 32
const SECONDS = 5
const WARMUP_SECONDS = 2
const ROUNDS = 3
const SERVER_CPU = 0
const LOAD_CPU = 1
const SIZES = { '1 KB': 1024, '12 KB': 12 * 1024 }
const SENT_BACK = ['content-type', 'etag', 'x-cache', 'age', 'cache-control', 'vary']
const FORM_ROUTE = '/api/v1/forms/:form_id'
const SCHEMA_ROUTE = '/api/v1/forms/:form_id/schema'

interface Form { id: string }

/** A published form whose GET body is about `bytes` long (the fields make up the difference). */
async function sizedForm (base: string, token: string, bytes: number): Promise<Form> {
  const input = (fields: object[]) => ({ title: `A ${bytes}-byte form`, description: 'Sized for the HTTP benchmark', status: 'published', fields })
  const probe = await api<Form>(base, 'POST', '/api/v1/forms', input([]), token)
  const empty = JSON.stringify(probe).length
  const fields: object[] = []
  while (empty + JSON.stringify(fields).length - 2 < bytes) {
    const i = fields.length
    fields.push({ name: `question_${i}`, label: `Question ${i}: how would you rate this part of the service?`, type: 'text', required: false })
  }
  return api<Form>(base, 'POST', '/api/v1/forms', input(fields), token)
}

/** What the cache sends on a hit (body and the headers that vary by route), checked to be a hit. */
async function hitResponse (base: string, path: string, headers: Record<string, string>) {
  let res: Response | undefined
  for (let i = 0; i < 3 && res?.headers.get('x-cache') !== 'HIT'; i++) res = await fetch(base + path, { headers })
  if (res?.headers.get('x-cache') !== 'HIT') throw new Error(`no cache hit on ${path}`)
  return {
    headers: Object.fromEntries(SENT_BACK.filter((name) => res.headers.has(name)).map((name) => [name, res.headers.get(name)!])),
    body: Buffer.from(await res.arrayBuffer()).toString('base64')
  }
}

interface Run { load: LoadResult, cpuUsPerRequest: number, stats?: InstanceStats }

/** Where the responses of a run came from, from the instance's own counters. */
function servedFrom (run: Run, target: Target): string {
  if (run.stats === undefined) return 'static bytes'
  const { hits, misses } = run.stats.cache.kinds[target.kind]
  const lookups = hits.l1 + hits.l2 + misses
  const share = (n: number) => `${fmt(n / lookups * 100, 1)} %`
  if (hits.l1 + hits.l2 === 0) return `SQLite, ${fmt(run.stats.db.reads / run.load.requests, 2)} reads/req`
  // with L1 off, concurrent requests for a key share one Redis read (counted as in-process hits)
  if (target.name.startsWith('L2')) return `Redis ${share(hits.l2)}, coalesced onto those ${share(hits.l1)}`
  return `L1 ${share(hits.l1)}`
}

interface Target { name: string, instance: Instance, path: string, kind: 'api_response' | 'form_schema', headers: Record<string, string> }

export async function http (): Promise<string> {
  const redis = await startRedis()
  const sqlitePath = join(tempDir('http'), 'forms.db')
  const env = (overrides: Record<string, string> = {}) => serviceEnv(redis, sqlitePath, overrides)

  progress('starting the service instances')
  const l1 = await startInstance('http-l1', env())
  const token = await login(l1.url, ADMIN.email, ADMIN.password)
  const auth = { authorization: `Bearer ${token}` }
  const forms: Record<string, Form> = {}
  for (const [size, bytes] of Object.entries(SIZES)) forms[size] = await sizedForm(l1.url, token, bytes)
  const l2 = await startInstance('http-l2-only', env({ CACHE_L1_ENABLED: 'false' }))
  const uncached = await startInstance('http-uncached', env({ CACHE_ENABLED: 'false' }))

  const bareRoutes: BareRoute[] = []
  for (const size of Object.keys(SIZES)) {
    const path = `/api/v1/forms/${forms[size]!.id}`
    await hitResponse(l2.url, path, auth)
    bareRoutes.push({ pattern: FORM_ROUTE, formId: forms[size]!.id, ...await hitResponse(l1.url, path, auth) })
  }
  const schemaPath = `/api/v1/forms/${forms['1 KB']!.id}/schema`
  bareRoutes.push({ pattern: SCHEMA_ROUTE, formId: forms['1 KB']!.id, ...await hitResponse(l1.url, schemaPath, {}) })
  const bare = await startInstance('http-bare', env({ BENCH_BARE_ROUTES: JSON.stringify(bareRoutes) }), 'bench/bare-server.ts')

  const targets: Record<string, Target> = {}
  for (const size of Object.keys(SIZES)) {
    const path = `/api/v1/forms/${forms[size]!.id}`
    const of = (name: string, instance: Instance) => { targets[`${size}|${name}`] = { name, instance, path, kind: 'api_response', headers: auth } }
    of('bare route (same bytes)', bare)
    of('L1 hit', l1)
    of('L2 hit (L1 off)', l2)
    of('uncached (SQLite)', uncached)
  }
  const publicSchema = '1 KB, public /schema'
  targets[`${publicSchema}|bare route (same bytes)`] = { name: 'bare route (same bytes)', instance: bare, path: schemaPath, kind: 'form_schema', headers: {} }
  targets[`${publicSchema}|L1 hit`] = { name: 'L1 hit', instance: l1, path: schemaPath, kind: 'form_schema', headers: {} }

  // The serving process on one core, autocannon on the other (Redis floats).
  const pinned = [l1, l2, uncached, bare].every((instance) => pin(instance.pid, SERVER_CPU))
  progress(pinned ? `service instances pinned to CPU ${SERVER_CPU}, autocannon to CPU ${LOAD_CPU}` : 'not pinned to CPUs (taskset missing or one core)')

  const run = (target: Target, seconds = SECONDS) => async (): Promise<Run> => {
    const { instance } = target
    const before = instance === bare ? undefined : await instance.stats()
    const cpuBefore = cpuMs(instance.pid)
    const load = await runLoad({ url: instance.url + target.path, connections: CONNECTIONS, duration: seconds, headers: target.headers },
      { cpu: pinned ? LOAD_CPU : undefined })
    const cpuUsPerRequest = (cpuMs(instance.pid) - cpuBefore) * 1000 / load.requests
    if (load.non2xx > 0 || load.errors > 0) throw new Error(`${instance.name}: ${load.non2xx} non-2xx responses, ${load.errors} errors`)
    return { load, cpuUsPerRequest, stats: before === undefined ? undefined : statsDelta(await instance.stats(), before) }
  }

  progress(`warming up (${WARMUP_SECONDS} s per target)`)
  for (const [name, target] of Object.entries(targets)) {
    progress(`warm-up ${name}`)
    await run(target, WARMUP_SECONDS)()
  }
  const results = await interleaved(ROUNDS, Object.fromEntries(Object.entries(targets).map(([name, target]) => [name, run(target)])), 'http: ')
  return report(targets, results, pinned)
}

function report (targets: Record<string, Target>, results: Record<string, Run[]>, pinned: boolean): string {
  const rows: string[][] = []
  const goals: string[][] = []
  const groups = [...new Set(Object.keys(targets).map((key) => key.split('|')[0]!))]
  for (const group of groups) {
    const of = (name: string) => results[`${group}|${name}`]!
    const rps = (name: string) => of(name).map((r) => r.load.requestsPerSecond)
    const p50 = (name: string) => of(name).map((r) => r.load.p50)
    const names = Object.keys(targets).filter((key) => key.startsWith(`${group}|`)).map((key) => key.split('|')[1]!)
    for (const name of names) {
      const runs = of(name)
      rows.push([group, name, fmt(median(runs.map((r) => r.load.bytesPerResponse)), 0), fmt(median(rps(name)), 0),
        times(pairedRatio(rps(name), rps('bare route (same bytes)'))), fmt(median(p50(name)), 2),
        fmt(median(runs.map((r) => r.load.p99)), 2), fmt(median(runs.map((r) => r.cpuUsPerRequest)), 0),
        servedFrom(runs[runs.length - 1]!, targets[`${group}|${name}`]!)])
    }
    const ratio = (name: string) => pairedRatio(rps(name), rps('bare route (same bytes)'))
    goals.push([`L1-hit route ≥ 0.9× bare route req/s, ${group}`, times(ratio('L1 hit')), verdict(ratio('L1 hit') >= 0.9)])
    if (names.includes('L2 hit (L1 off)')) {
      goals.push([`L2-hit route ≥ 0.5× bare route req/s, ${group}`, times(ratio('L2 hit (L1 off)')), verdict(ratio('L2 hit (L1 off)') >= 0.5)])
    }
    if (names.includes('uncached (SQLite)')) {
      const latency = pairedRatio(p50('L1 hit'), p50('uncached (SQLite)'))
      goals.push([`cached (L1) p50 ≤ 0.5× uncached p50, ${group}`, times(latency), verdict(latency <= 0.5)])
    }
  }
  return [
    table(`HTTP GET — autocannon (own process${pinned ? ', own core' : ''}), ${CONNECTIONS} connections, medians of ${ROUNDS} interleaved ${SECONDS} s rounds`,
      ['payload', 'served by', 'bytes/resp', 'req/s', 'vs bare', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'responses from'], rows),
    table('HTTP targets', ['target', 'measured', ''], goals)
  ].join('\n')
}

runIfMain(import.meta, http)
