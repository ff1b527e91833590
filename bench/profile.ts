// Where an L1-hit request's CPU goes: one instance under autocannon with
// --cpu-prof, its main-thread profile split into the parts of a request.
// Writes the .cpuprofile (Chrome DevTools, speedscope) and folded stacks
// (flamegraph.pl, speedscope) to bench/results/profiles/.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LoadOptions } from './load.js'
import {
  ADMIN, api, cpuMs, fmt, login, pin, progress, RESULTS_DIR, runIfMain, runLoad, serviceEnv, startInstance, startRedis, table, tempDir,
  type Instance
} from './lib.js'

interface ProfileNode { id: number, callFrame: { functionName: string, url: string }, children?: number[] }
interface Profile { nodes: ProfileNode[], samples: number[], timeDeltas: number[] }

/** The parts of a request, by the function (and file) where each begins; the first match from the root wins. */
const PARTS: Array<[string, (fn: string, url: string) => boolean]> = [
  ['authentication (JWT verify, session from the cache)', (fn, url) => fn === 'authenticate' && url.endsWith('plugins/app/auth.js')],
  ['response cache: lookup hook (key, L1 get, headers)', (fn, url) => fn === 'lookup' && url.endsWith('plugins/app/http-cache.js')],
  ['response cache: onSend/onResponse hooks', (fn, url) => url.endsWith('plugins/app/http-cache.js')],
  ['metrics (onResponse histogram)', (_fn, url) => url.endsWith('plugins/app/metrics.js') || url.includes('prom-client')],
  ['request validation (ajv)', (_fn, url) => url.includes('/ajv') || url.includes('schema-validator')],
  ['socket writes (kernel, loopback)', (fn) => ['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String'].includes(fn)],
  ['garbage collection', (fn) => fn === '(garbage collector)']
]
const REST = 'the rest: HTTP parsing, Fastify routing, hooks and reply, event loop'

/**
 * A hook that calls `done()` runs the rest of the request inside its own stack;
 * Fastify's `next` in lib/hooks.js is where that rest begins, so there a
 * part ends and the classification starts again.
 */
const continuation = (fn: string, url: string) => fn === 'next' && url.endsWith('fastify/lib/hooks.js')

function analyse (profile: Profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const parts = new Map<string, number>()
  const folded = new Map<string, number>()
  let idle = 0
  const walk = (id: number, stack: string[], within: string | undefined) => {
    const node = byId.get(id)!
    const { functionName, url } = node.callFrame
    if (functionName === '(idle)' || functionName === '(program)') { idle += self.get(id) ?? 0; return }
    const part = within !== undefined && !continuation(functionName, url)
      ? within
      : PARTS.find(([, matches]) => matches(functionName, url))?.[0]
    const time = self.get(id) ?? 0
    parts.set(part ?? REST, (parts.get(part ?? REST) ?? 0) + time)
    const here = [...stack, `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}`]
    if (time > 0) folded.set(here.join(';'), (folded.get(here.join(';')) ?? 0) + time)
    for (const child of node.children ?? []) walk(child, here, part)
  }
  walk(profile.nodes[0]!.id, [], undefined)
  return { parts, folded, idle }
}

/** Runs `seconds` of load against the instance and returns its CPU µs per request, parts of a request from its profile. */
async function profiled (instance: Instance, dir: string, { cpu, ...load }: LoadOptions & { cpu?: number }) {
  await runLoad({ ...load, duration: 3 }, { cpu })
  const cpuBefore = cpuMs(instance.pid)
  const result = await runLoad({ ...load, duration: 10 }, { cpu })
  const cpuUs = (cpuMs(instance.pid) - cpuBefore) * 1000 / result.requests
  await instance.stop()
  // the main thread's profile is the largest (tsx's loader thread writes one too)
  const file = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')).map((name) => join(dir, name))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0]!
  const { parts, folded } = analyse(JSON.parse(readFileSync(file, 'utf8')) as Profile)
  writeFileSync(file.replace(/\.cpuprofile$/, '.folded'), [...folded].map(([stack, us]) => `${stack} ${us}`).join('\n'))
  progress(`profile: ${file}`)
  const busy = [...parts.values()].reduce((a, b) => a + b, 0)
  return { rps: result.requestsPerSecond, cpuUs, usPerRequest: (part: string) => (parts.get(part) ?? 0) / busy * cpuUs }
}

export async function profile (): Promise<string> {
  const redis = await startRedis()
  const sqlitePath = join(tempDir('profile'), 'forms.db')
  const dirOf = (name: string) => join(RESULTS_DIR, 'profiles', name)
  process.env.BENCH_CPU_PROF = '1'
  const l1 = await startInstance('profile-l1-hit', serviceEnv(redis, sqlitePath))
  const token = await login(l1.url, ADMIN.email, ADMIN.password)
  const fields = Array.from({ length: 8 }, (_, i) => ({ name: `question_${i}`, label: `Question ${i}: how would you rate this part of the service?`, type: 'text', required: false }))
  const form = await api<{ id: string }>(l1.url, 'POST', '/api/v1/forms', { title: 'Profiled form', status: 'published', fields }, token)
  const path = `/api/v1/forms/${form.id}`
  const headers = { authorization: `Bearer ${token}` }
  await fetch(l1.url + path, { headers })
  const hit = await fetch(l1.url + path, { headers })
  const route = {
    pattern: '/api/v1/forms/:form_id',
    formId: form.id,
    headers: Object.fromEntries(['content-type', 'etag', 'x-cache', 'age', 'cache-control'].map((name) => [name, hit.headers.get(name) ?? ''])),
    body: Buffer.from(await hit.arrayBuffer()).toString('base64')
  }
  const bare = await startInstance('profile-bare', serviceEnv(redis, sqlitePath, { BENCH_BARE_ROUTES: JSON.stringify([route]) }), 'bench/bare-server.ts')
  delete process.env.BENCH_CPU_PROF

  progress('profile: 3 s warm-up, then 10 s under --cpu-prof, bare route and L1-hit route in turn')
  // as in bench:http, the server and autocannon on cores of their own: time a process spends waiting
  // for a core would otherwise be charged to whatever function it was in (mostly the socket write)
  const pinned = pin(l1.pid, 0) && pin(bare.pid, 0)
  const load = { connections: 32, duration: 10, headers, cpu: pinned ? 1 : undefined }
  const b = await profiled(bare, dirOf('profile-bare'), { ...load, url: bare.url + path })
  const c = await profiled(l1, dirOf('profile-l1-hit'), { ...load, url: l1.url + path })
  const rows = [...PARTS.map(([part]) => part), REST].map((part) => [part, fmt(b.usPerRequest(part), 1), fmt(c.usPerRequest(part), 1), fmt(c.usPerRequest(part) - b.usPerRequest(part), 1)])
  rows.push(['total CPU per request (from /proc)', fmt(b.cpuUs, 1), fmt(c.cpuUs, 1), fmt(c.cpuUs - b.cpuUs, 1)])
  rows.push(['requests/s (profiler on)', fmt(b.rps, 0), fmt(c.rps, 0), ''])
  return table('Where the CPU of a request goes: bare route vs L1-hit GET /api/v1/forms/:id (~1 KB), µs per request, from --cpu-prof profiles',
    ['part of the request', 'bare route', 'L1 hit', 'difference'], rows)
}

runIfMain(import.meta, profile)
