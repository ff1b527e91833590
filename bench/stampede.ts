// Scenario 4 — a 100-way cold-key stampede across two instances: 50
// concurrent requests for the same uncached key on each, at once. Counts the
// loader calls per key (the database reads the requests caused).
import { Agent, request } from 'node:http'
import { join } from 'node:path'
import {
  ADMIN, api, clusterStats, fmt, login, median, percentile, progress, runIfMain, serviceEnv, startInstance, startRedis,
  statsDelta, table, tempDir, verdict, type Instance
} from './lib.js'

const REQUESTS = 100
const KEYS = 10
/** Each route's loader reads the database once (the user's session is cached beforehand). */
const ROUTES = {
  'GET /api/v1/forms/:id (api_response)': (id: string) => `/api/v1/forms/${id}`,
  'GET /api/v1/forms/:id/schema (form_schema)': (id: string) => `/api/v1/forms/${id}/schema`
}

interface Reply { status: number, cache: string, body: string, ms: number }

function get (agent: Agent, url: string, token: string): Promise<Reply> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => { body += chunk })
      res.on('end', () => resolve({ status: res.statusCode!, cache: String(res.headers['x-cache']), body, ms: performance.now() - started }))
    }).on('error', reject).end()
  })
}

/** REQUESTS requests for one path, half on each instance, all sent at once over already-open connections. */
async function stampede (instances: Instance[], agents: Agent[], path: string, token: string) {
  const before = await clusterStats(instances)
  const replies = await Promise.all(Array.from({ length: REQUESTS }, (_, i) =>
    get(agents[i % instances.length]!, instances[i % instances.length]!.url + path, token)))
  const delta = statsDelta(await clusterStats(instances), before)
  const bodies = new Set(replies.map((reply) => reply.body))
  return {
    loaderCalls: delta.db.reads,
    failed: replies.filter((reply) => reply.status !== 200).length,
    distinctBodies: bodies.size,
    misses: replies.filter((reply) => reply.cache === 'MISS').length,
    latencies: replies.map((reply) => reply.ms)
  }
}

export async function stampedes (): Promise<string> {
  const redis = await startRedis()
  const sqlitePath = join(tempDir('stampede'), 'forms.db')
  const instances = [
    await startInstance('stampede-a', serviceEnv(redis, sqlitePath)),
    await startInstance('stampede-b', serviceEnv(redis, sqlitePath))
  ]
  const token = await login(instances[0]!.url, ADMIN.email, ADMIN.password)
  const fields = [{ name: 'rating', label: 'Rating', type: 'select', required: true, options: ['1', '2', '3'] }]
  const forms = []
  for (let i = 0; i < KEYS * Object.keys(ROUTES).length; i++) {
    forms.push(await api<{ id: string }>(instances[0]!.url, 'POST', '/api/v1/forms', { title: `Stampede ${i}`, status: 'published', fields }, token))
  }

  // open REQUESTS / 2 connections per instance and cache the user's session on both
  const agents = instances.map(() => new Agent({ keepAlive: true, maxSockets: REQUESTS }))
  await Promise.all(instances.flatMap((instance, i) => Array.from({ length: REQUESTS / 2 }, () => get(agents[i]!, `${instance.url}/api/v1/users/me`, token))))

  const rows: string[][] = []
  const targets: string[][] = []
  let form = 0
  for (const [route, pathOf] of Object.entries(ROUTES)) {
    const runs = []
    for (let key = 0; key < KEYS; key++) {
      progress(`stampede: ${route}, key ${key + 1}/${KEYS}`)
      runs.push(await stampede(instances, agents, pathOf(forms[form++]!.id), token))
    }
    const calls = runs.map((run) => run.loaderCalls)
    const latencies = runs.flatMap((run) => run.latencies)
    const failed = runs.reduce((sum, run) => sum + run.failed, 0)
    rows.push([route, String(KEYS), fmt(median(calls), 0), String(Math.max(...calls)), fmt(median(runs.map((run) => run.misses)), 0),
      String(Math.max(...runs.map((run) => run.distinctBodies))), String(failed), fmt(percentile(latencies, 50), 1), fmt(percentile(latencies, 99), 1)])
    targets.push([`1 loader call per key, ${route}`, `max ${Math.max(...calls)}`, verdict(Math.max(...calls) === 1 && failed === 0)])
  }
  for (const agent of agents) agent.destroy()
  return [
    table(`Stampede: ${REQUESTS} concurrent requests per cold key (${REQUESTS / 2} on each of two instances), ${KEYS} keys per route`,
      ['route', 'keys', 'loader calls per key (median)', 'max', 'X-Cache MISS per key (median)', 'distinct bodies', 'failed', 'p50 ms', 'p99 ms'], rows),
    table('Stampede target', ['target', 'measured', ''], targets)
  ].join('\n')
}

runIfMain(import.meta, stampedes)
