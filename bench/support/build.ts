// The service as production runs it: compiled by tsc, imported from the build.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { progress } from './progress.js'

export const ROOT = join(import.meta.dirname, '..', '..')
export const RESULTS_DIR = join(ROOT, 'bench', 'results')
/** The service compiled by tsc (git-, lint- and tsc-ignored, like any tool cache under node_modules). */
export const BUILD_DIR = join(ROOT, 'node_modules', '.cache', 'forms-api-bench')

let build: Promise<void> | undefined

/**
 * Compiles the service with tsc, as `npm run build` does for `npm start`.
 * The benches measure that output, not the sources through tsx: tsx's
 * transform keeps function names (esbuild keepNames), which adds an
 * Object.defineProperty call to every closure created per request.
 */
export function buildService (): Promise<void> {
  // instances are started by a bench that has built it already
  if (process.env.BENCH_SERVICE_BUILT === '1') return Promise.resolve()
  build ??= (async () => {
    progress('compiling the service with tsc (npm run build, into node_modules/.cache/forms-api-bench)')
    const tsc = spawn(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit']
    })
    let output = ''
    tsc.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
    const [code] = await once(tsc, 'exit') as [number]
    // type errors (someone's work in progress) still emit JavaScript: measure it, but say so
    if (code !== 0) progress(`tsc reported errors (exit ${code}); benchmarking the emitted JavaScript anyway:\n${output.slice(0, 2000)}`)
  })()
  return build
}

/** Removes the compiled service (at the very end of a run). */
export function removeBuild (): void {
  if (process.env.BENCH_SERVICE_BUILT !== '1') rmSync(BUILD_DIR, { recursive: true, force: true })
}

/** A module of the compiled service, e.g. `compiled<typeof import('../app.js')>('app.js')`. */
export async function compiled<T> (path: string): Promise<T> {
  await buildService()
  return await import(pathToFileURL(join(BUILD_DIR, path)).href) as T
}
