// What the machine is and does: its facts for BENCHMARKS.md, CPU time, pinning to a core.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { availableParallelism, totalmem } from 'node:os'

/** CPU time (user + system) a process has used so far, ms (Linux: /proc/<pid>/stat, 100 ticks per second). */
export function cpuMs (pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/**
 * Pins a process (every thread) to one CPU with `taskset`, so a server and its
 * load generator do not take turns on the same core. False where that is not
 * possible (one core, no taskset): the run goes on unpinned.
 */
export function pin (pid: number, cpu: number): boolean {
  if (availableParallelism() <= cpu) return false
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')

/** What BENCHMARKS.md reports about the machine (Linux). */
export function machine () {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown'
  const ram = `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`
  const facts = { cores: String(availableParallelism()), cpu, ram, node: process.version, 'load average': loadAverage() }
  return { facts, summary: Object.entries(facts).map(([name, value]) => `${name} ${value}`).join(', ') }
}
