// The top self-time functions of a V8 CPU profile (`node --cpu-prof`), and the
// self time per module, as Markdown tables: where a scenario's CPU goes.
//   node --import tsx bench/cpu-top.ts <file.cpuprofile> [rows] [module]
// With a module (e.g. "this service"), also its functions by total time
// (self + everything they call), so a path's cost shows with what it calls.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { fmt, table } from './lib.js'

interface ProfileNode {
  id: number
  callFrame: { functionName: string, url: string, lineNumber: number }
  children?: number[]
}
interface CpuProfile { nodes: ProfileNode[], samples: number[], timeDeltas: number[] }

/** node_modules/<package>, the compiled service, node's internals, or the file. */
function moduleOf (url: string): string {
  if (url === '') return '(native / V8)'
  if (url.includes('forms-api-bench')) return 'this service (compiled)'
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg !== null && pkg[1] !== '.cache') return pkg[1]!
  if (url.startsWith('node:')) return 'node internals'
  return basename(url)
}

export function cpuTop (file: string, limit = 25, module?: string): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfUs = new Map<number, number>()
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))

  const functions = new Map<string, { us: number, module: string }>()
  const modules = new Map<string, number>()
  let total = 0
  let idle = 0
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    if (functionName === '(idle)') { idle += us; continue }
    total += us
    const module = moduleOf(url)
    const name = `${functionName || '(anonymous)'} ${url === '' ? '' : `${basename(url)}:${lineNumber + 1}`}`.trim()
    const entry = functions.get(name) ?? { us: 0, module }
    entry.us += us
    functions.set(name, entry)
    modules.set(module, (modules.get(module) ?? 0) + us)
  }
  const share = (us: number) => `${fmt((us / total) * 100, 1)} %`
  const label = ({ functionName, url, lineNumber }: ProfileNode['callFrame']) =>
    `${functionName || '(anonymous)'} ${url === '' ? '' : `${basename(url)}:${lineNumber + 1}`}`.trim()

  // total time per function: self + callees, counted once per stack (an outer call of the same function wins)
  const totals = new Map<string, number>()
  const walk = (id: number, open: Set<string>): number => {
    const node = byId.get(id)!
    let us = selfUs.get(id) ?? 0
    const name = label(node.callFrame)
    const outer = open.has(name)
    if (!outer) open.add(name)
    for (const child of node.children ?? []) us += walk(child, open)
    if (!outer) {
      open.delete(name)
      if (module !== undefined && moduleOf(node.callFrame.url).startsWith(module)) totals.set(name, (totals.get(name) ?? 0) + us)
    }
    return us
  }
  walk(profile.nodes[0]!.id, new Set())
  const top = [...functions].sort((a, b) => b[1].us - a[1].us).slice(0, limit)
  return [
    `Busy ${fmt(total / 1000, 0)} ms, idle ${fmt(idle / 1000, 0)} ms (${basename(file)})\n`,
    table('Self time by module', ['module', 'self time', 'share of busy'],
      [...modules].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([module, us]) => [module, `${fmt(us / 1000, 0)} ms`, share(us)])),
    table(`Top ${limit} functions by self time`, ['function', 'module', 'self time', 'share of busy'],
      top.map(([name, { us, module }]) => [`\`${name}\``, module, `${fmt(us / 1000, 1)} ms`, share(us)])),
    ...(module === undefined
      ? []
      : [table(`${module}: functions by total time (self + callees)`, ['function', 'total time', 'share of busy'],
          [...totals].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, us]) => [`\`${name}\``, `${fmt(us / 1000, 1)} ms`, share(us)]))])
  ].join('\n')
}

if (process.argv[1] === import.meta.filename) {
  const [file, rows, module] = process.argv.slice(2)
  if (file === undefined) throw new Error('usage: node --import tsx bench/cpu-top.ts <file.cpuprofile> [rows] [module]')
  process.stdout.write(`${cpuTop(file, rows === undefined ? undefined : Number(rows), module)}\n`)
}
