// A real Redis Cluster on loopback, from the machine's redis-server and
// redis-cli: start it, look at who owns which slots, kill a master, wait for
// its replica to take over, bring the node back.
import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import calculateSlot from 'cluster-key-slot'
import { command, createTopology, DATA_NODE_ARGS, fields, HOST, info, waitFor, type RedisProcess, type Teardown } from './redis-processes.js'

const SLOTS = 16384

/** The hash slot of a key (0-16383), honouring `{hash tags}`. */
export const keySlot = (key: string): number => calculateSlot(key)

export interface ClusterOptions {
  masters?: number
  replicasPerMaster?: number
  /** `cluster-node-timeout`: how long a master may be silent before its replica takes over. */
  nodeTimeoutMs?: number
  /** For start-up, a promotion, a restart: generous, the machine may be loaded. */
  timeoutMs?: number
  /** Where the topology's temp dir goes (default: the OS temp dir). */
  parentDir?: string
}

export interface ClusterNode {
  id: string
  port: number
  role: 'master' | 'replica'
  /** The port of its master, for a replica. */
  masterPort?: number
  /** Slot ranges owned, inclusive: `[[0, 5460]]`. */
  slots: Array<[number, number]>
  /** Flags as the reporting node sees them (`fail`, `fail?`, ...). */
  flags: string[]
  /** Whether this node's process runs (it is ours to kill). */
  alive: boolean
}

/** One line of CLUSTER NODES: `<id> <ip:port@bus> <flags> <master> <ping> <pong> <epoch> <link> <slots...>` */
function parseNodes (text: string): Array<Omit<ClusterNode, 'alive' | 'masterPort'> & { masterId: string }> {
  return text.trim().split('\n').map((line) => {
    const [id = '', address = '', flagList = '', masterId = '', , , , , ...slotList] = line.trim().split(' ')
    const flags = flagList.split(',').filter((flag) => flag !== 'myself')
    const slots = slotList
      .filter((slot) => !slot.startsWith('[')) // a slot being migrated
      .map((slot): [number, number] => {
        const [start = 0, end = start] = slot.split('-').map(Number)
        return [start, end]
      })
    const port = Number(/:(\d+)@/.exec(address)?.[1])
    return { id, port, role: flags.includes('master') ? 'master' : 'replica', flags, masterId, slots }
  })
}

/**
 * Starts a Redis Cluster (by default 3 masters, 1 replica each) on free
 * loopback ports and waits until every node agrees on it. Stopped by
 * `stop()`, or when the test ends if `t` is given.
 */
export async function startCluster (t?: Teardown, options: ClusterOptions = {}) {
  const { masters: masterCount = 3, replicasPerMaster = 1, nodeTimeoutMs = 1500, timeoutMs = 60_000, parentDir } = options
  if (masterCount < 3) throw new Error('a Redis Cluster needs at least 3 masters')
  const topology = createTopology('cluster', t, parentDir)
  const total = masterCount * (1 + replicasPerMaster)
  /** The slots each master owned when this helper killed it, to know who takes them over. */
  const slotsWhenKilled = new Map<number, Array<[number, number]>>()
  let processes: RedisProcess[] = []

  const byPort = (port: number): RedisProcess => {
    const proc = processes.find((p) => p.port === port)
    if (proc === undefined) throw new Error(`no cluster node on port ${port}`)
    return proc
  }
  const living = () => processes.filter((p) => p.alive())

  /** The cluster as one living node sees it (the first that answers). */
  async function nodes (): Promise<ClusterNode[]> {
    let last: unknown
    for (const proc of living()) {
      try {
        return view(String(await command(proc.port, 'CLUSTER', 'NODES')))
      } catch (err) { last = err }
    }
    throw new Error(`no cluster node answered CLUSTER NODES: ${(last as Error | undefined)?.message ?? 'none is running'}`)
  }

  function view (text: string): ClusterNode[] {
    const parsed = parseNodes(text)
    return parsed.map(({ masterId, ...node }) => {
      const master = parsed.find((n) => n.id === masterId)
      return { ...node, ...(master !== undefined && { masterPort: master.port }), alive: processes.some((p) => p.port === node.port && p.alive()) }
    })
  }

  /** The masters owning slots now, with their slot ranges. */
  async function masters (): Promise<ClusterNode[]> {
    return (await nodes()).filter((node) => node.role === 'master' && node.slots.length > 0)
  }

  /**
   * Throws (with the reason) unless every living node reports cluster_state:ok
   * with every slot covered, sees every node, shares one view of who is master
   * of what (dead nodes owning no slot), and every living replica is in sync.
   */
  async function assertSettled (): Promise<ClusterNode[]> {
    let agreed: string | undefined
    let agreedView: ClusterNode[] = []
    for (const proc of living()) {
      const state = fields(String(await command(proc.port, 'CLUSTER', 'INFO')))
      if (state.cluster_state !== 'ok') throw new Error(`node ${proc.port} says cluster_state:${state.cluster_state}`)
      if (state.cluster_slots_ok !== String(SLOTS)) throw new Error(`node ${proc.port} has ${state.cluster_slots_ok} of ${SLOTS} slots ok`)
      if (state.cluster_known_nodes !== String(total)) throw new Error(`node ${proc.port} knows ${state.cluster_known_nodes} of ${total} nodes`)
      const seen = view(String(await command(proc.port, 'CLUSTER', 'NODES')))
      for (const node of seen) {
        if (node.alive && node.flags.some((f) => ['fail', 'fail?', 'handshake', 'noaddr'].includes(f))) throw new Error(`node ${proc.port} flags ${node.port} ${node.flags.join(',')}`)
        if (!node.alive && node.slots.length > 0) throw new Error(`node ${proc.port} still gives slots to the dead node ${node.port}`)
      }
      const summary = seen.filter((n) => n.alive).map((n) => `${n.port}:${n.role}:${n.masterPort ?? ''}:${JSON.stringify(n.slots)}`).sort().join(' ')
      if (agreed !== undefined && summary !== agreed) throw new Error(`nodes disagree: ${agreed} vs ${summary}`)
      agreed = summary
      agreedView = seen
    }
    const owners = agreedView.filter((n) => n.role === 'master' && n.slots.length > 0)
    if (owners.length !== masterCount) throw new Error(`${owners.length} masters own slots, not ${masterCount}`)
    for (const replica of agreedView.filter((n) => n.alive && n.role === 'replica')) {
      const replication = await info(replica.port, 'replication')
      if (replication.master_link_status !== 'up') throw new Error(`replica ${replica.port} link to its master is ${replication.master_link_status}`)
    }
    return agreedView
  }

  /** SIGKILLs a node; a master's slots are noted, for `waitForPromotion`. */
  async function kill (port: number): Promise<void> {
    const proc = byPort(port)
    const node = (await nodes()).find((n) => n.port === port)
    if (node !== undefined && node.role === 'master' && node.slots.length > 0) slotsWhenKilled.set(port, node.slots)
    await proc.kill()
  }

  /** SIGKILLs a master: the given port, the owner of `key`'s slot, or else the first master. Returns its port. */
  async function killMaster (target?: number | string): Promise<number> {
    const owners = await masters()
    const slot = typeof target === 'string' ? keySlot(target) : undefined
    const master = typeof target === 'number'
      ? owners.find((n) => n.port === target)
      : slot !== undefined
        ? owners.find((n) => n.slots.some(([start, end]) => slot >= start && slot <= end))
        : owners[0]
    if (master === undefined) throw new Error(`no master for ${String(target)} among ${owners.map((n) => n.port).join(', ')}`)
    await kill(master.port)
    return master.port
  }

  /** Waits until a replica owns the killed master's slots and the cluster is settled again; returns the new master's port. */
  async function waitForPromotion (oldMasterPort: number, timeout = timeoutMs): Promise<number> {
    const slots = slotsWhenKilled.get(oldMasterPort)
    if (slots === undefined) throw new Error(`port ${oldMasterPort} is not a master this helper killed`)
    const first = slots[0]![0]
    return waitFor(`a replica to take over the slots of ${oldMasterPort}`, timeout, async () => {
      const settled = await assertSettled()
      const owner = settled.find((n) => n.slots.some(([start, end]) => first >= start && first <= end))
      if (owner === undefined || owner.port === oldMasterPort) throw new Error(`slot ${first} is still with ${oldMasterPort}`)
      return owner.port
    }, living())
  }

  /** Starts a killed node again (its nodes.conf keeps its identity); waits until it is back in the cluster, as a replica for an old master. */
  async function restart (port: number): Promise<void> {
    await byPort(port).restart()
    await waitFor(`node ${port} to rejoin the cluster`, timeoutMs, assertSettled, living())
  }

  async function create () {
    const seeds = processes.map((p) => `${HOST}:${p.port}`)
    const args = ['--cluster', 'create', ...seeds, '--cluster-replicas', String(replicasPerMaster), '--cluster-yes']
    const output = await new Promise<string>((resolve, reject) => {
      execFile('redis-cli', args, { timeout: timeoutMs }, (err, stdout, stderr) => {
        // eslint-disable-next-line no-control-regex
        const text = `${stdout}${stderr}`.replace(/\x1b\[[0-9;]*m/g, '')
        writeFileSync(join(topology.root, 'cluster-create.log'), text)
        if (err !== null) reject(new Error(`redis-cli --cluster create failed (${err.message.split('\n')[0]}):\n${text.trimEnd().split('\n').slice(-15).join('\n')}`))
        else resolve(text)
      })
    })
    if (!output.includes('All 16384 slots covered')) throw new Error(`redis-cli --cluster create did not cover every slot:\n${output}`)
  }

  return topology.starting(async () => {
    processes = await Promise.all(Array.from({ length: total }, (_, i) =>
      topology.start(`node-${i + 1}`, 2, ([port, busPort], dir) => [
        '--port', String(port), '--cluster-port', String(busPort), '--bind', HOST,
        '--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`),
        '--cluster-node-timeout', String(nodeTimeoutMs),
        ...DATA_NODE_ARGS, '--dir', dir
      ])))
    await create()
    await waitFor('every node to agree on the new cluster', timeoutMs, assertSettled, processes)
    const seeds = processes.map((p) => `${HOST}:${p.port}`)
    return {
      /** The nodes' client ports, in start order. */
      ports: processes.map((p) => p.port),
      /** `host:port` of every node, for `new Cluster(seeds)`. */
      seeds,
      /** The variables that put the service in Cluster mode. */
      env: { REDIS_CLUSTER_NODES: seeds.join(',') },
      /** The topology's temp dir (a dir per node, with its log). */
      dir: topology.root,
      nodes,
      masters,
      kill,
      killMaster,
      waitForPromotion,
      restart,
      /** Kills every node and removes the temp dir. */
      stop: topology.stop
    }
  })
}

export type RedisCluster = Awaited<ReturnType<typeof startCluster>>
