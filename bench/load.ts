// An autocannon run in a process of its own (the load generator must not share
// the event loop of what it measures). Input: the options as JSON in argv[2];
// output: one line of JSON on stdout. Latencies come from autocannon's
// per-response event (sub-millisecond resolution; its histograms keep whole ms).
import autocannon from 'autocannon'
import { percentile } from './lib.js'

export interface LoadOptions {
  url: string
  connections: number
  /** Seconds. */
  duration: number
  headers?: Record<string, string>
}

export interface LoadResult {
  requestsPerSecond: number
  /** Milliseconds. */
  p50: number
  p99: number
  requests: number
  non2xx: number
  errors: number
  bytesPerResponse: number
}

const options = JSON.parse(process.argv[2]!) as LoadOptions
const latencies: number[] = []
const instance = autocannon({ ...options, headers: options.headers ?? {} }, (err, result) => {
  if (err !== null && err !== undefined) throw err
  const summary: LoadResult = {
    requestsPerSecond: result.requests.total / result.duration,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    bytesPerResponse: result.throughput.total / Math.max(1, result.requests.total)
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`)
})
instance.on('response', (_client, _status, _bytes, responseTime) => { latencies.push(responseTime) })
