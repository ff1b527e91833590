// Progress lines on stderr (stdout carries only the result tables).

const startedAt = performance.now()

/** A progress line on stderr (stdout carries only the result tables). */
export function progress (message: string): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(6)
  process.stderr.write(`[bench ${seconds} s] ${message}\n`)
}
