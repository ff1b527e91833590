// A scenario's run: clean-up steps, temp dirs, signals, and its result saved.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RESULTS_DIR, removeBuild } from './build.js'
import { loadAverage, machine } from './machine.js'
import { progress } from './progress.js'

const cleanups: Array<() => unknown> = []

/** Registers a clean-up step; they run last-registered first. */
export function onCleanup (step: () => unknown): void {
  cleanups.push(step)
}

export async function cleanUp (): Promise<void> {
  while (cleanups.length > 0) {
    try { await cleanups.pop()!() } catch (err) { progress(`clean-up step failed: ${(err as Error).message}`) }
  }
}

/** A temp directory, removed at clean-up. */
export function tempDir (name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `forms-bench-${name}-`))
  onCleanup(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** On Ctrl-C, a signal or an uncaught error: stop what was started, then exit. */
export function exitCleanly (): void {
  const stop = (why: string, code: number) => {
    progress(`${why}: cleaning up`)
    void cleanUp().finally(() => { removeBuild(); process.exit(code) })
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop(signal, 130))
  process.once('uncaughtException', (err) => stop(`uncaught ${err.stack ?? err.message}`, 1))
}

/** Runs a scenario when its file is the entry point: prints its tables, cleans up, exits. */
export function runIfMain (meta: ImportMeta, scenario: () => Promise<string>): void {
  if (process.argv[1] !== meta.filename) return
  exitCleanly()
  progress(`machine: ${machine().summary}`)
  scenario().then(async (markdown) => {
    await cleanUp()
    removeBuild()
    progress(`load average at the end: ${loadAverage()}`)
    process.stdout.write(`\n${markdown}\n`)
    saveResult(meta.filename.replace(/^.*\/|\.ts$/g, ''), markdown)
    process.exit(0)
  }, async (err: Error) => {
    progress(`failed: ${err.stack ?? err.message}`)
    await cleanUp()
    removeBuild()
    process.exit(1)
  })
}

/** Keeps the last result of each scenario in bench/results/ (git-ignored). */
export function saveResult (name: string, markdown: string): void {
  mkdirSync(RESULTS_DIR, { recursive: true })
  writeFileSync(join(RESULTS_DIR, `${name}.md`), `${markdown}\n`)
}
