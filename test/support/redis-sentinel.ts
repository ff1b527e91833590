// A real Redis Sentinel group on loopback (a master, its replicas, the
// sentinels watching them), from the machine's redis-server: start it, ask
// who the master is, kill it, wait for the sentinels to promote the replica.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { command, createTopology, DATA_NODE_ARGS, HOST, info, waitFor, type RedisProcess, type Teardown } from './redis-processes.js'

export interface SentinelOptions {
  masterName?: string
  replicas?: number
  sentinels?: number
  /** How long the master may be silent before a sentinel calls it down. */
  downAfterMs?: number
  failoverTimeoutMs?: number
  /** For start-up, a failover, a restart: generous, the machine may be loaded. */
  timeoutMs?: number
  /** Where the topology's temp dir goes (default: the OS temp dir). */
  parentDir?: string
}

/** A flat `[field, value, ...]` reply (SENTINEL MASTER, REPLICAS, SENTINELS) as a record. */
function record (reply: unknown): Record<string, string> {
  const list = reply as string[]
  const result: Record<string, string> = {}
  for (let i = 0; i + 1 < list.length; i += 2) result[list[i]!] = list[i + 1]!
  return result
}

/** Flags (`s_down,slave,disconnected`) of an instance of `kind` the sentinel sees up (a stale `master_down` vote is fine). */
function healthy (flags: string | undefined, kind: string): boolean {
  const list = flags?.split(',') ?? []
  return list.includes(kind) && !list.some((flag) => ['s_down', 'o_down', 'disconnected', 'failover_in_progress'].includes(flag))
}

/**
 * Starts a master, its replica(s) and 3 sentinels on free loopback ports, and
 * waits until every sentinel knows the master, the replicas and the other
 * sentinels. Stopped by `stop()`, or when the test ends if `t` is given.
 */
export async function startSentinel (t?: Teardown, options: SentinelOptions = {}) {
  const {
    masterName = 'mymaster', replicas: replicaCount = 1, sentinels: sentinelCount = 3,
    downAfterMs = 1000, failoverTimeoutMs = 5000, timeoutMs = 60_000, parentDir
  } = options
  const topology = createTopology('sentinel', t, parentDir)
  const quorum = Math.floor(sentinelCount / 2) + 1
  let servers: RedisProcess[] = []
  let sentinels: RedisProcess[] = []

  const serverArgs = (port: number, dir: string, replicaOf?: number) => [
    '--port', String(port), '--bind', HOST, ...DATA_NODE_ARGS, '--dir', dir,
    ...(replicaOf === undefined ? [] : ['--replicaof', HOST, String(replicaOf)])
  ]

  const sentinelConfig = (port: number, dir: string, masterPort: number) => [
    `port ${port}`,
    `bind ${HOST}`,
    `dir ${dir}`,
    'sentinel resolve-hostnames no',
    `sentinel monitor ${masterName} ${HOST} ${masterPort} ${quorum}`,
    `sentinel down-after-milliseconds ${masterName} ${downAfterMs}`,
    `sentinel failover-timeout ${masterName} ${failoverTimeoutMs}`,
    `sentinel parallel-syncs ${masterName} 1`,
    ''
  ].join('\n')

  const living = () => topology.processes.filter((p) => p.alive())
  const byPort = (port: number): RedisProcess => {
    const proc = topology.processes.find((p) => p.port === port)
    if (proc === undefined) throw new Error(`no server or sentinel on port ${port}`)
    return proc
  }

  async function masterAddress (sentinelPort: number): Promise<{ host: string, port: number }> {
    const reply = await command(sentinelPort, 'SENTINEL', 'GET-MASTER-ADDR-BY-NAME', masterName) as [string, string] | null
    if (reply === null) throw new Error(`sentinel ${sentinelPort} does not know ${masterName}`)
    return { host: reply[0], port: Number(reply[1]) }
  }

  /** The master as the sentinels report it (the first living sentinel that answers). */
  async function master (): Promise<{ host: string, port: number }> {
    let last: unknown
    for (const sentinel of sentinels.filter((p) => p.alive())) {
      try { return await masterAddress(sentinel.port) } catch (err) { last = err }
    }
    throw new Error(`no sentinel answered: ${(last as Error | undefined)?.message ?? 'none is running'}`)
  }

  /**
   * Throws (with the reason) unless every living sentinel reports the same
   * master, not down and with no failover under way, sees every living server
   * as its replica (up) and every other living sentinel, and the master says
   * it is one. Returns the master's port.
   */
  async function assertSettled (): Promise<number> {
    let agreed: number | undefined
    for (const sentinel of sentinels.filter((p) => p.alive())) {
      const { port } = await masterAddress(sentinel.port)
      if (agreed !== undefined && port !== agreed) throw new Error(`sentinels disagree on the master: ${agreed} vs ${port}`)
      agreed = port
      const state = record(await command(sentinel.port, 'SENTINEL', 'MASTER', masterName))
      if (!healthy(state.flags, 'master')) throw new Error(`sentinel ${sentinel.port} flags the master ${state.flags}`)
      const others = (await command(sentinel.port, 'SENTINEL', 'SENTINELS', masterName) as unknown[]).map(record)
      for (const other of sentinels.filter((p) => p.alive() && p !== sentinel)) {
        const known = others.find((o) => Number(o.port) === other.port)
        if (!healthy(known?.flags, 'sentinel')) throw new Error(`sentinel ${sentinel.port} sees sentinel ${other.port} as ${known?.flags ?? 'unknown'}`)
      }
      const replicas = (await command(sentinel.port, 'SENTINEL', 'REPLICAS', masterName) as unknown[]).map(record)
      for (const server of servers.filter((p) => p.alive() && p.port !== port)) {
        const known = replicas.find((r) => Number(r.port) === server.port)
        if (!healthy(known?.flags, 'slave')) throw new Error(`sentinel ${sentinel.port} sees replica ${server.port} as ${known?.flags ?? 'unknown'}`)
      }
    }
    if (agreed === undefined) throw new Error('no sentinel is running')
    const role = await command(agreed, 'ROLE') as [string]
    if (role[0] !== 'master') throw new Error(`${agreed} says it is a ${role[0]}`)
    for (const server of servers.filter((p) => p.alive() && p.port !== agreed)) {
      const replication = await info(server.port, 'replication')
      if (replication.master_port !== String(agreed) || replication.master_link_status !== 'up') {
        throw new Error(`replica ${server.port} follows ${replication.master_port} with its link ${replication.master_link_status}`)
      }
    }
    return agreed
  }

  /** SIGKILLs the current master; returns its port. */
  async function killMaster (): Promise<number> {
    const { port } = await master()
    await byPort(port).kill()
    return port
  }

  /** Waits until the sentinels agree on a new master and it answers as one; returns its port. */
  async function waitForFailover (oldPort: number, timeout = timeoutMs): Promise<number> {
    return waitFor(`the sentinels to promote a replica of ${oldPort}`, timeout, async () => {
      const port = await assertSettled()
      if (port === oldPort) throw new Error(`the sentinels still report ${oldPort}`)
      return port
    }, sentinels.filter((p) => p.alive()))
  }

  /**
   * Starts a killed server or sentinel again. A server comes back as a replica
   * of the current master (where the sentinels would turn it anyway, after a
   * while with two masters); waits until the group is settled again.
   */
  async function restart (port: number): Promise<void> {
    const proc = byPort(port)
    if (servers.includes(proc)) await proc.restart(serverArgs(port, proc.dir, (await master()).port))
    else await proc.restart()
    await waitFor(`${proc.name} (port ${port}) to rejoin the group`, timeoutMs, assertSettled, living())
  }

  return topology.starting(async () => {
    const primary = await topology.start('master', 1, ([port], dir) => serverArgs(port!, dir))
    const followers = await Promise.all(Array.from({ length: replicaCount }, (_, i) =>
      topology.start(`replica-${i + 1}`, 1, ([port], dir) => serverArgs(port!, dir, primary.port))))
    servers = [primary, ...followers]
    // sentinels learn the replicas from the master's INFO: let them connect first
    await waitFor('the replicas to sync with the master', timeoutMs, async () => {
      for (const replica of followers) {
        const replication = await info(replica.port, 'replication')
        if (replication.master_link_status !== 'up') throw new Error(`replica ${replica.port} link is ${replication.master_link_status}`)
      }
    }, servers)
    sentinels = await Promise.all(Array.from({ length: sentinelCount }, (_, i) =>
      topology.start(`sentinel-${i + 1}`, 1, ([port], dir) => {
        const config = join(dir, 'sentinel.conf')
        writeFileSync(config, sentinelConfig(port!, dir, primary.port))
        return [config, '--sentinel']
      })))
    await waitFor('every sentinel to know the master, the replicas and each other', timeoutMs, assertSettled, topology.processes)
    const addresses = sentinels.map((p) => `${HOST}:${p.port}`)
    return {
      /** `host:port` of every sentinel. */
      sentinels: addresses,
      masterName,
      /** The servers' ports (master and replicas, at start). */
      serverPorts: servers.map((p) => p.port),
      /** The variables that put the service in Sentinel mode. */
      env: { REDIS_SENTINELS: addresses.join(','), REDIS_SENTINEL_MASTER: masterName },
      /** The topology's temp dir (a dir per process, with its log). */
      dir: topology.root,
      master,
      killMaster,
      waitForFailover,
      restart,
      /** Kills every process and removes the temp dir. */
      stop: topology.stop
    }
  })
}

export type RedisSentinelGroup = Awaited<ReturnType<typeof startSentinel>>
