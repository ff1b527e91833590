// Waiting with a deadline, for tests and benches alike.

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Polls until the predicate holds (every `intervalMs`); fails after `timeoutMs`. */
export async function until (predicate: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition', intervalMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!await predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(intervalMs)
  }
}
