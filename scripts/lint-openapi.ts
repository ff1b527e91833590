// Lints a document with Redocly's recommended rules (no configuration file,
// nothing ignored or turned off) and fails on any problem, warnings included:
// `redocly lint` alone exits 0 on warnings. `npm run lint:openapi` runs it on openapi.yaml.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

const ROOT = join(import.meta.dirname, '..')
const REDOCLY = join(ROOT, 'node_modules', '.bin', 'redocly')

export interface LintProblem { ruleId: string, severity: string, message: string, location: Array<{ pointer: string }> }
export interface LintResult { totals: { errors: number, warnings: number, ignored: number }, problems: LintProblem[] }

export async function lintOpenapi (file: string): Promise<LintResult> {
  // no telemetry and no update check: the CLI would otherwise call home on every run
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }
  const run = promisify(execFile)(REDOCLY, ['lint', file, '--format=json', '--max-problems=1000'], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 })
  // exit code 1 on errors: the JSON report is printed all the same
  const { stdout } = await run.catch((err: { stdout?: string }) => {
    if (typeof err.stdout === 'string' && err.stdout.trim().startsWith('{')) return { stdout: err.stdout }
    throw err
  })
  return JSON.parse(stdout) as LintResult
}

if (process.argv[1] === import.meta.filename) {
  const file = process.argv[2] ?? 'openapi.yaml'
  const { totals, problems } = await lintOpenapi(file)
  for (const problem of problems) {
    console.log(`${problem.severity} ${problem.ruleId} at ${problem.location[0]?.pointer ?? '?'}: ${problem.message}`)
  }
  console.log(`${file}: ${totals.errors} errors, ${totals.warnings} warnings (Redocly recommended rules)`)
  if (totals.errors + totals.warnings > 0) process.exit(1)
}
