// Run by redis-topologies.test.ts: starts a small Sentinel group under the
// dir given, prints where it lives, its ports and pids, then dies by SIGKILL without
// stopping it, as a test process killed by a timeout would.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startSentinel } from '../support/redis-topologies.js'

const group = await startSentinel(undefined, { replicas: 0, sentinels: 1, parentDir: process.argv[2] })
const ports = [...group.serverPorts, ...group.sentinels.map((address) => Number(address.split(':')[1]))]
const pids = readdirSync(group.dir).map((name) => Number(readFileSync(join(group.dir, name, 'pid'), 'utf8')))
process.stdout.write(`${JSON.stringify({ dir: group.dir, ports, pids })}\n`, () => process.kill(process.pid, 'SIGKILL'))
