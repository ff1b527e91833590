import type { Cluster, Redis } from 'ioredis'

/** What travels on the invalidation channel. */
export interface BusMessage {
  from: string
  /** Invalidated tags: drop what carries them. */
  tags?: string[]
  /** The tags' new versions, in order (what a read names entries by next; absent: read them from Redis). */
  versions?: string[]
  /** A heartbeat: the link is alive. */
  hb?: 1
}

export interface BusOptions {
  /** A connection of its own (pub/sub needs one). */
  subscriber: Redis | Cluster
  channel: string
  /** Sharded pub/sub (SSUBSCRIBE, Redis Cluster 7+). */
  sharded?: boolean
  instanceId: string
  /** Sends a message on the channel (through the command connection); rejects or resolves undefined when it could not. */
  publish: (message: string) => Promise<unknown>
  heartbeatMs: number
  /** Heard nothing for this long: the link is lost, whatever the connection says. */
  silenceMs: number
  onMessage: (message: BusMessage) => void
  /** The link became healthy (every invalidation reaches us again) or stopped being so. */
  onLink: (healthy: boolean, reason: string | undefined) => void
  logger: { warn (obj: object, msg: string): void }
}

/**
 * The invalidation bus: every instance publishes what it invalidates, and a
 * heartbeat every `heartbeatMs`. The link is healthy only while subscribed and
 * while something was heard within `silenceMs` — so a subscription that stops
 * delivering without closing (an idle NAT drop, a one-way partition, a hung
 * Redis) is noticed like a closed one.
 */
export function createBus (options: BusOptions) {
  const { subscriber, channel, sharded = false, instanceId, heartbeatMs, silenceMs } = options
  const heartbeat = JSON.stringify({ from: instanceId, hb: 1 } satisfies BusMessage)
  let subscribed = false
  let lastHeard = 0
  let healthy = false
  let stopped = false

  function reason (now = Date.now()): string | undefined {
    if (!subscribed) return 'not subscribed to the invalidation channel'
    const silent = now - lastHeard
    return silent >= silenceMs ? `nothing heard on the invalidation channel for ${(silent / 1000).toFixed(1)} s` : undefined
  }

  function check () {
    if (stopped) return
    const why = reason()
    if ((why === undefined) === healthy) return
    healthy = why === undefined
    options.onLink(healthy, why)
  }

  function receive (from: string, raw: string) {
    if (from !== channel) return
    lastHeard = Date.now()
    let message: BusMessage
    try { message = JSON.parse(raw) } catch { return }
    if (message.from !== instanceId && message.hb === undefined) options.onMessage(message)
    check()
  }

  function subscribe () {
    const request = sharded ? subscriber.ssubscribe(channel) : subscriber.subscribe(channel)
    request.then(() => {
      subscribed = true
      lastHeard = Date.now()
      check()
    }, (err: Error) => options.logger.warn({ error: err.message }, 'could not subscribe to cache invalidations'))
  }

  subscriber.on(sharded ? 'smessage' : 'message', receive)
  subscriber.on('ready', subscribe)
  subscriber.on('close', () => {
    subscribed = false
    check()
  })
  if (subscriber.status === 'ready') subscribe()

  const timer = setInterval(() => {
    options.publish(heartbeat).catch(() => {})
    check()
  }, heartbeatMs)
  timer.unref()

  return {
    get healthy () { return healthy },
    get subscribed () { return subscribed },
    /** Why the link is not healthy (undefined while it is). */
    reason: () => reason(),
    /** Milliseconds since anything was heard on the channel. */
    silentFor: () => lastHeard === 0 ? null : Date.now() - lastHeard,
    close () {
      stopped = true
      clearInterval(timer)
    }
  }
}

export type Bus = ReturnType<typeof createBus>
