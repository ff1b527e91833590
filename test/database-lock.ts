import { spawn } from 'node:child_process'
import { once } from 'node:events'

type Test = { teardown (fn: () => unknown): void }

// A second process that holds the SQLite file's WAL locks as a process recovering
// the WAL does (the write, checkpoint and recovery lock bytes of the -shm file,
// its index header cleared): every read and write of the service then fails
// with SQLITE_BUSY_RECOVERY once its busy timeout has passed. Python's fcntl
// takes the same POSIX byte-range locks SQLite uses.
const HOLD_LOCKS = `
import fcntl, os, sys, time
fd = os.open(sys.argv[1] + '-shm', os.O_RDWR)
fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 3, 120)
os.pwrite(fd, bytes(136), 0)
print('locked', flush=True)
time.sleep(600)
`

/** Makes the SQLite database at `path` unavailable until `release()` (or the end of the test). */
export async function lockDatabase (t: Test, path: string) {
  const child = spawn('python3', ['-c', HOLD_LOCKS, path], { stdio: ['ignore', 'pipe', 'inherit'] })
  const release = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGKILL')
    await exited
  }
  t.teardown(release)
  await once(child.stdout, 'data')
  return { release }
}
