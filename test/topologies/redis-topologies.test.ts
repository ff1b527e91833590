// The topology helpers against the real thing, through plain ioredis clients:
// what they start is a working Cluster / Sentinel group, what they kill fails
// over, what they restart rejoins, and nothing outlives them.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { Cluster, Redis } from 'ioredis'
import { tempDir } from '../support/app.js'
import { command } from '../support/redis-processes.js'
import { sleep } from '../support/wait.js'
import { keySlot, startCluster, startSentinel, type ClusterNode } from '../support/redis-topologies.js'

type Test = { teardown (fn: () => unknown): void }

/** A client whose errors (expected while a node is down) are not fatal, closed when the test ends. */
function closing<C extends Redis | Cluster> (t: Test, client: C): C {
  client.on('error', () => {})
  t.teardown(() => client.disconnect())
  return client
}

async function eventually (what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!await check().catch(() => false)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(100)
  }
}

const answers = (port: number) => command(port, 'PING').then(() => true, () => false)

const ownerOf = (masters: ClusterNode[], slot: number) =>
  masters.find((m) => m.slots.some(([start, end]) => slot >= start && slot <= end))

/** A channel (or key) name whose slot the given master owns. */
function nameOn (master: ClusterNode, prefix: string): string {
  for (let i = 0; ; i++) {
    const name = `${prefix}{${i}}`
    if (ownerOf([master], keySlot(name)) !== undefined) return name
  }
}

t.test('a Redis Cluster: 3 masters share every slot, each with a replica in sync, and a Cluster client reads, writes and uses sharded pub/sub', async (t) => {
  const cluster = await startCluster(t)
  const masters = await cluster.masters()
  t.equal(masters.length, 3, '3 masters')
  t.ok(masters.every((m) => m.slots.length > 0), 'each owns slots')
  t.equal(masters.flatMap((m) => m.slots).reduce((sum, [start, end]) => sum + end - start + 1, 0), 16384, 'between them, every slot')
  const replicas = (await cluster.nodes()).filter((n) => n.role === 'replica')
  t.same(replicas.map((r) => r.masterPort).sort(), masters.map((m) => m.port).sort(), 'one replica per master')
  t.same([...cluster.seeds].sort(), cluster.ports.map((port) => `127.0.0.1:${port}`).sort(), 'a seed per node, on loopback')
  t.equal(cluster.env.REDIS_CLUSTER_NODES, cluster.seeds.join(','))
  for (const port of cluster.ports) {
    t.match(await command(port, 'CLUSTER', 'INFO'), /cluster_state:ok/, `node ${port}: cluster_state ok`)
  }
  for (const replica of replicas) {
    t.match(await command(replica.port, 'INFO', 'replication'), /master_link_status:up/, `replica ${replica.port} in sync`)
  }

  const client = closing(t, new Cluster(cluster.seeds))
  for (const key of ['form:1', 'form:{tagged}:2', 'x']) {
    t.equal(keySlot(key), await client.call('CLUSTER', 'KEYSLOT', key), `keySlot(${key}) agrees with the server`)
  }
  const keys = Array.from({ length: 30 }, (_, i) => `topology:key:${i}`)
  for (const key of keys) await client.set(key, key)
  t.same(await Promise.all(keys.map((key) => client.get(key))), keys, 'what the client wrote, it reads back')
  const sizes = await Promise.all(masters.map((m) => command(m.port, 'DBSIZE')))
  t.ok(sizes.every((size) => Number(size) > 0), `the keys spread over every master (${sizes.join(', ')})`)

  // ioredis 6 sends SSUBSCRIBE to the owner of the channel's slot only with `shardedSubscribers: true`
  const subscriber = closing(t, new Cluster(cluster.seeds, { shardedSubscribers: true }))
  const received: string[] = []
  subscriber.on('smessage', (channel: string, message: string) => received.push(`${channel} ${message}`))
  const channels = masters.map((m) => nameOn(m, 'topology:channel'))
  for (const channel of channels) await subscriber.ssubscribe(channel)
  for (const channel of channels) t.equal(await client.spublish(channel, 'hello'), 1, `${channel}: one subscriber on its shard`)
  await eventually('the sharded messages', async () => received.length === channels.length)
  t.same(received.sort(), channels.map((c) => `${c} hello`).sort(), 'a message on each shard arrived')
})

t.test('a Cluster master killed: its replica takes over, a replicated key stays readable, the sharded subscriber follows, and the node comes back as a replica', async (t) => {
  const cluster = await startCluster(t)
  const client = closing(t, new Cluster(cluster.seeds))
  // a key on the last master listed, so that killMaster(key) has to look for it
  const owner = (await cluster.masters()).at(-1)!
  const key = nameOn(owner, 'topology:failover')
  const channel = `${key}:events`
  const replica = (await cluster.nodes()).find((n) => n.masterPort === owner.port)!

  await client.set(key, 'before')
  const ownerConnection = client.nodes('master').find((node) => node.options.port === owner.port)!
  t.equal(await ownerConnection.call('WAIT', 1, 5000), 1, 'the write reached the replica (WAIT on the connection that wrote it)')
  const subscriber = closing(t, new Cluster(cluster.seeds, { shardedSubscribers: true }))
  const received: string[] = []
  subscriber.on('smessage', (_channel: string, message: string) => received.push(message))
  await subscriber.ssubscribe(channel)

  const killed = await cluster.killMaster(key)
  t.equal(killed, owner.port, 'killMaster(key) kills the master of the key\'s slot')
  t.notOk(await answers(killed), 'it is gone')
  const promoted = await cluster.waitForPromotion(killed)
  t.equal(promoted, replica.port, 'its replica is the new master')
  const masters = await cluster.masters()
  t.equal(masters.length, 3, 'still 3 masters')
  t.notOk(masters.some((m) => m.port === killed), 'the killed node owns no slot')
  t.same(masters.find((m) => m.port === promoted)?.slots, owner.slots, 'owning the slots of the one killed')
  for (const port of cluster.ports.filter((p) => p !== killed)) {
    t.match(await command(port, 'CLUSTER', 'INFO'), /cluster_state:ok/, `node ${port}: cluster_state ok`)
  }
  t.equal(await client.get(key), 'before', 'the key written before the kill is read through the same client')
  t.equal(await client.set(key, 'after'), 'OK', 'and written again')

  let sent = 0
  await eventually('a sharded message after the promotion', async () => {
    await client.spublish(channel, `after-${sent++}`)
    await sleep(100)
    return received.length > 0
  })
  t.match(received[0], /^after-\d+$/, 'the sharded subscriber moved to the new master')

  await cluster.restart(killed)
  const back = (await cluster.nodes()).find((n) => n.port === killed)
  t.match(back, { role: 'replica', masterPort: promoted, alive: true }, 'the restarted node is a replica of the new master')
  const promotedId = masters.find((m) => m.port === promoted)!.id
  for (const port of cluster.ports) {
    const line = String(await command(port, 'CLUSTER', 'NODES')).split('\n').find((l) => l.includes(`127.0.0.1:${killed}@`))
    t.match(line?.split(' ').slice(2, 4), [/^(myself,)?slave$/, promotedId], `node ${port} sees it as a healthy replica of ${promoted}`)
  }
  const replication = await command(killed, 'INFO', 'replication')
  t.match(replication, new RegExp(`master_port:${promoted}\\s`), 'it says so itself')
  t.match(replication, /master_link_status:up/, 'and is in sync')
  t.equal(await command(killed, 'GET', key).catch((err: Error) => err.message), `MOVED ${keySlot(key)} 127.0.0.1:${promoted}`, 'and redirects to it')
})

t.test('a Sentinel group: the sentinels agree on the master and know the replica and each other; a sentinel-aware client follows a failover', async (t) => {
  const group = await startSentinel(t)
  t.equal(group.sentinels.length, 3, '3 sentinels')
  t.equal(group.env.REDIS_SENTINELS, group.sentinels.join(','))
  t.equal(group.env.REDIS_SENTINEL_MASTER, 'mymaster')
  const first = await group.master()
  const [replicaPort] = group.serverPorts.filter((port) => port !== first.port)
  t.equal(group.serverPorts.length, 2, 'a master and a replica')
  for (const address of group.sentinels) {
    const port = Number(address.split(':')[1])
    t.same(await command(port, 'SENTINEL', 'GET-MASTER-ADDR-BY-NAME', 'mymaster'), ['127.0.0.1', String(first.port)], `sentinel ${port} reports the master`)
    const state = await command(port, 'SENTINEL', 'MASTER', 'mymaster') as string[]
    t.equal(state[state.indexOf('num-slaves') + 1], '1', `sentinel ${port} knows the replica`)
    t.equal(state[state.indexOf('num-other-sentinels') + 1], '2', `sentinel ${port} knows the other sentinels`)
  }

  const sentinels = group.sentinels.map((address) => ({ host: '127.0.0.1', port: Number(address.split(':')[1]) }))
  const client = closing(t, new Redis({ sentinels, name: group.masterName }))
  await client.set('topology:a', '1')
  t.equal(await client.call('WAIT', 1, 5000), 1, 'the write reached the replica')

  const killed = await group.killMaster()
  t.equal(killed, first.port, 'killMaster kills the master the sentinels reported')
  t.notOk(await answers(killed), 'it is gone')
  const promoted = await group.waitForFailover(killed)
  t.equal(promoted, replicaPort, 'the replica is the new master')
  t.same(await group.master(), { host: '127.0.0.1', port: promoted })
  t.equal((await command(promoted, 'ROLE') as string[])[0], 'master', 'and says so')

  t.equal(await client.set('topology:b', '2'), 'OK', 'the client writes again after the failover')
  t.equal(await client.get('topology:a'), '1', 'and reads what it wrote before')
  t.equal(await command(promoted, 'GET', 'topology:b'), '2', 'on the new master')

  await group.restart(killed)
  const role = await command(killed, 'ROLE') as unknown[]
  t.same(role.slice(0, 3), ['slave', '127.0.0.1', promoted], 'the old master is back as a replica of the new one')
  await eventually('the restarted replica to sync', async () => await command(killed, 'GET', 'topology:b') === '2')
  t.pass('and has the writes made meanwhile')
})

t.test('a start-up that fails halfway says why and leaves no process and no temp dir behind', async (t) => {
  const parent = tempDir(t)
  const failure = await startSentinel(t, { masterName: 'two words', parentDir: parent }).then(() => undefined, (err: Error) => err)
  t.ok(failure instanceof Error, 'startSentinel rejects')
  t.match(failure?.message, /sentinel-\d \(port \d+\) exited while waiting/, 'naming the process that failed')
  t.match(failure?.message, /Unrecognized sentinel configuration statement/, 'with the end of its log')
  t.same(readdirSync(parent), [], 'its temp dir is removed')
  const masterPort = Number(/sentinel monitor two words 127\.0\.0\.1 (\d+)/.exec(failure?.message ?? '')?.[1])
  t.ok(masterPort > 0, 'the log names the master started before')
  t.notOk(await answers(masterPort), 'which is killed')
})

t.test('a process that dies without stopping its topology: the watchdog kills the servers and removes the temp dir', async (t) => {
  const parent = tempDir(t)
  const script = fileURLToPath(new URL('./abandoned-topology.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', script, parent], { stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const [, signal] = await once(child, 'exit') as [number | null, string | null]
  t.equal(signal, 'SIGKILL', 'the process died by SIGKILL')
  const { dir, ports, pids } = JSON.parse(output) as { dir: string, ports: number[], pids: number[] }
  t.teardown(async () => { // if the watchdog failed, kill them here, so that nothing outlives the test
    if ((await Promise.all(ports.map(answers))).some(Boolean)) for (const pid of pids) try { process.kill(pid, 'SIGKILL') } catch {}
  })
  t.equal(ports.length, 2, 'it had started a server and a sentinel')
  await eventually('the abandoned servers to be killed', async () => (await Promise.all(ports.map(answers))).every((up) => !up), 10_000)
  await eventually('the abandoned temp dir to be removed', async () => !existsSync(dir), 10_000)
  t.pass('no server answers and the dir is gone')
})
