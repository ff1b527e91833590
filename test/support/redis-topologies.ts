// Real Redis topologies for the tests and the benches: a Redis Cluster and a
// Sentinel group started from the machine's redis-server and redis-cli on free
// loopback ports, each in a temp dir of its own (a dir per process, with its
// log), and everything killed and removed by `stop()` or the test's teardown.
// Framework-free: pass tap's `t` (or any `{ teardown (fn) }`), or call `stop()`.
export { keySlot, startCluster, type ClusterNode, type ClusterOptions, type RedisCluster } from './redis-cluster.js'
export { startSentinel, type RedisSentinelGroup, type SentinelOptions } from './redis-sentinel.js'
export { HOST, type Teardown } from './redis-processes.js'
