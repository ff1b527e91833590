// The service on a real Redis Cluster and a real Sentinel group: it starts on
// them, two instances read each other's writes, keys spread over the masters,
// and a master killed with SIGKILL under load fails no request and, a few
// seconds after the promotion, leaves no stale read behind.
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { Redis } from 'ioredis'
import type { FastifyInstance } from 'fastify'
import { admin, build, createForm, tempDir, uniquePrefix, type TestUser } from '../support/app.js'
import { sleep } from '../support/wait.js'
import { keySlot, startCluster, startSentinel } from '../support/redis-topologies.js'

async function eventually (what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!await check().catch(() => false)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(100)
  }
}

/** Two instances of the service on one database and one key prefix, on the given Redis. */
async function twoInstances (t: Test, env: Record<string, string>) {
  const shared = { ...env, SQLITE_PATH: join(tempDir(t), 'forms.db'), REDIS_KEY_PREFIX: uniquePrefix() }
  const a = await build(t, shared)
  const b = await build(t, shared)
  for (const app of [a, b]) await eventually('the instance on redis', async () => (await app.cache.health()).backend === 'redis')
  return { a, b, prefix: shared.REDIS_KEY_PREFIX }
}

const get = (app: FastifyInstance, url: string, user: TestUser) => app.inject({ url, headers: user.headers })

async function readYourWrites (t: Test, a: FastifyInstance, b: FastifyInstance, root: TestUser) {
  const form = await createForm(a, root)
  const url = `/api/v1/forms/${form.id}`
  for (const app of [a, b]) t.equal((await get(app, url, root)).statusCode, 200)
  t.equal((await get(b, url, root)).headers['x-cache'], 'HIT', 'cached on B')
  const changed = await a.inject({ method: 'PATCH', url, headers: root.headers, payload: { title: 'Changed on A' } })
  t.equal(changed.statusCode, 200)
  t.equal((await get(a, url, root)).json().title, 'Changed on A', 'A reads its write at once')
  await eventually('B sees the write', async () => (await get(b, url, root)).json().title === 'Changed on A', 2000)
  t.pass('B reads it within the propagation bound')
}

/**
 * Load on both instances (a writer on A moving a form's version on, readers on
 * both) while `failover` kills a master and waits for its replacement. Every
 * request must succeed; a read that began more than `boundMs` after a write was
 * acknowledged must see it, once the promotion is `settleMs` behind.
 */
async function underLoad (t: Test, a: FastifyInstance, b: FastifyInstance, root: TestUser, failover: () => Promise<void>) {
  const settleMs = 5000
  const boundMs = 250
  const form = await createForm(a, root)
  const url = `/api/v1/forms/${form.id}`
  const acked: Array<{ version: number, at: number }> = [{ version: form.version, at: Date.now() }]
  let failed = 0
  let stale = 0
  let reads = 0
  let promotedAt = Infinity
  const traffic = { running: true }

  const writer = (async () => {
    while (traffic.running) {
      const res = await a.inject({ method: 'PATCH', url, headers: root.headers, payload: { description: `write ${acked.length}` } })
      if (res.statusCode !== 200) failed++
      else acked.push({ version: res.json().version, at: Date.now() })
      await sleep(20)
    }
  })()
  const reader = (app: FastifyInstance) => (async () => {
    while (traffic.running) {
      const startedAt = Date.now()
      const res = await get(app, url, root)
      reads++
      if (res.statusCode !== 200) { failed++; continue }
      // the newest write acknowledged before this read began (less the propagation bound)
      const due = acked.filter(({ at }) => at + (app === a ? 0 : boundMs) < startedAt).at(-1)!
      if (startedAt > promotedAt + settleMs && res.json().version < due.version) stale++
      await sleep(5)
    }
  })()
  const load = Promise.all([writer, reader(a), reader(a), reader(b), reader(b)])

  await sleep(1000)
  await failover()
  promotedAt = Date.now()
  await sleep(settleMs + 4000)
  traffic.running = false
  await load
  t.equal(failed, 0, `no request failed (${reads} reads, ${acked.length - 1} writes)`)
  t.equal(stale, 0, `no stale read from ${settleMs / 1000} s after the promotion on`)
  for (const app of [a, b]) await eventually('backend redis again', async () => (await app.cache.health()).backend === 'redis')
  t.pass('both instances are on redis again')
}

t.test('on a Redis Cluster (3 masters, 3 replicas)', async (t) => {
  const cluster = await startCluster(t)
  const { a, b, prefix } = await twoInstances(t, cluster.env)
  const root = await admin(a)

  await t.test('starts on it, and reports every master', async (t) => {
    const health = await a.cache.health()
    t.match(health, { status: 'healthy', backend: 'redis' })
    t.equal(health.nodes.length, 3, 'the three masters')
    t.ok(health.nodes.every((node) => node.ping_ms !== null), 'each answers')
    t.match(await a.cache.stats(), { backend: 'redis' })
  })

  await t.test('read-your-writes across two instances', (t) => readYourWrites(t, a, b, root))

  await t.test('keys spread over the masters', async (t) => {
    for (let i = 0; i < 400; i += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, j) => a.cache.set('query_result', `spread-${i + j}`, { i: i + j }, { tags: [`spread:${(i + j) % 50}`] })))
    }
    const counts: number[] = []
    for (const master of await cluster.masters()) {
      const client = new Redis({ port: master.port, maxRetriesPerRequest: 0 })
      let cursor = '0'
      let count = 0
      do {
        const [next, found] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
        cursor = next
        count += found.length
      } while (cursor !== '0')
      client.disconnect()
      counts.push(count)
    }
    const total = counts.reduce((sum, n) => sum + n, 0)
    t.ok(total >= 400, `${total} keys under the prefix`)
    t.ok(Math.max(...counts) / total <= 0.6, `no master holds more than 60 % (${counts.join(', ')})`)
  })

  await t.test('an invalidation never reaches another instance ahead of its new version', async (t) => {
    // The tag's version on one master, the channel and the entry on others: the master of the
    // version holds writes back for a moment, so the message could arrive first.
    const masters = await cluster.masters()
    const portOf = (key: string) => {
      const slot = keySlot(key)
      return masters.find((m) => m.slots.some(([start, end]) => slot >= start && slot <= end))!.port
    }
    const channelPort = portOf(`${prefix}invalidations`)
    const tag = Array.from({ length: 100 }, (_, i) => `order:${i}`).find((candidate) => portOf(`${prefix}tag:${candidate}`) !== channelPort)!
    const versionPort = portOf(`${prefix}tag:${tag}`)
    const key = Array.from({ length: 100 }, (_, i) => `order-${i}`).find((candidate) => portOf(`{${candidate}}`) !== versionPort)!
    let current = 1
    const read = (app: FastifyInstance) => app.cache.getOrSet('query_result', key, () => ({ value: current }), { tags: [tag] })

    t.same(await read(a), { value: 1 }, 'stored from A')
    t.same(await read(b), { value: 1 }, 'B reads it from Redis')
    const holder = new Redis({ port: versionPort, maxRetriesPerRequest: 0 })
    t.teardown(() => holder.disconnect())
    await holder.call('CLIENT', 'PAUSE', '500', 'WRITE')
    current = 2
    const invalidated = a.cache.invalidateTags([tag])
    // B reads on, as traffic would, while the new version is held back
    for (const until = Date.now() + 400; Date.now() < until;) {
      await read(b)
      await sleep(10)
    }
    t.ok((await invalidated).delivered, 'the invalidation is acknowledged')
    await eventually('B reads the value computed after the invalidation', async () => (await read(b)).value === 2, 2000)
    t.pass('B does not keep the old value')
  })

  await t.test('a master killed under load: no request fails, no stale read after the promotion', (t) =>
    underLoad(t, a, b, root, async () => {
      const killed = await cluster.killMaster()
      await cluster.waitForPromotion(killed)
    }))
})

t.test('on a Sentinel group (a master, a replica, 3 sentinels)', async (t) => {
  const group = await startSentinel(t)
  const { a, b } = await twoInstances(t, group.env)
  const root = await admin(a)

  await t.test('starts on the master the sentinels name', async (t) => {
    const health = await a.cache.health()
    t.match(health, { status: 'healthy', backend: 'redis' })
    t.equal(health.nodes.length, 1)
    t.equal(health.nodes[0]!.node, `127.0.0.1:${(await group.master()).port}`)
  })

  await t.test('read-your-writes across two instances', (t) => readYourWrites(t, a, b, root))

  await t.test('the master killed under load: no request fails, no stale read after the failover', (t) =>
    underLoad(t, a, b, root, async () => {
      const { port } = await group.master()
      await group.killMaster()
      await group.waitForFailover(port)
    }))

  await t.test('the failover started a new epoch on both instances', async (t) => {
    const epochs = (await a.cache.health()).epochs + (await b.cache.health()).epochs
    t.ok(epochs >= 1, `${epochs} new epoch(s): nothing stored before the promotion is trusted`)
  })
})
