// `npm run bench`: every scenario in turn, each starting and stopping what it
// needs; the tables go to stdout and to bench/results/latest.md.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cluster } from './cluster.js'
import { dbOutage } from './db-outage.js'
import { hostile } from './hostile.js'
import { http } from './http.js'
import { l2HitParts } from './l2-hit-parts.js'
import { cleanUp, exitCleanly, loadAverage, machine, progress, removeBuild, RESULTS_DIR, saveResult, startRedis, table } from './lib.js'
import { micro } from './micro.js'
import { outage } from './outage.js'
import { peers } from './peers.js'
import { profile } from './profile.js'
import { propagation } from './propagation.js'
import { stampedes } from './stampede.js'
import { workload, workloadNetworkDb } from './workload.js'

const SCENARIOS: Record<string, () => Promise<string>> = { micro, 'l2-hit-parts': l2HitParts, propagation, http, profile, workload, 'workload-network-db': workloadNetworkDb, stampede: stampedes, outage, 'db-outage': dbOutage, hostile, cluster, peers }

async function main () {
  const only = process.argv.slice(2)
  const redis = await startRedis()
  const { facts } = machine()
  const header = table('Machine', ['', ''], [...Object.entries(facts), ['redis', redis.version]])
  await cleanUp()
  const sections = [header]
  const started = performance.now()
  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    if (only.length > 0 && !only.includes(name)) continue
    progress(`=== ${name} (load average ${loadAverage()})`)
    try {
      const markdown = await scenario()
      saveResult(name, markdown)
      sections.push(markdown)
      process.stdout.write(`\n${markdown}\n`)
    } finally {
      await cleanUp()
    }
  }
  removeBuild()
  sections.push(`Total time: ${((performance.now() - started) / 60_000).toFixed(1)} min; load average at the end: ${loadAverage()}\n`)
  writeFileSync(join(RESULTS_DIR, 'latest.md'), sections.join('\n'))
  progress(`done: ${join(RESULTS_DIR, 'latest.md')}`)
}

exitCleanly()
main().then(() => process.exit(0), async (err: Error) => {
  progress(`failed: ${err.stack ?? err.message}`)
  await cleanUp()
  removeBuild()
  process.exit(1)
})
