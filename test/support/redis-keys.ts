// Clean-up on a Redis the tests and benches share: only the keys under one's own prefix.
import { Redis } from 'ioredis'

/** SCAN + UNLINK of the keys under `prefix` only (never FLUSHDB on a shared Redis); rejects if Redis does not answer. */
export async function deleteKeysUnder (port: number, prefix: string, { host = '127.0.0.1', count = 500 } = {}): Promise<void> {
  const redis = new Redis({ host, port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  redis.on('error', () => {})
  try {
    await redis.connect()
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', count)
      cursor = next
      if (keys.length > 0) await redis.unlink(...keys)
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
}
