import { randomBytes } from 'node:crypto'

// ObjectId layout: 4-byte seconds timestamp, 5 random bytes per process,
// 3-byte counter. The SQLite adapter uses it so both adapters share one id
// format, without loading the MongoDB driver.
const processUnique = randomBytes(5).toString('hex')
let counter = randomBytes(3).readUIntBE(0, 3)

export function newObjectId (): string {
  counter = (counter + 1) % 0x1000000
  const seconds = Math.floor(Date.now() / 1000)
  return seconds.toString(16).padStart(8, '0') + processUnique + counter.toString(16).padStart(6, '0')
}

export const OBJECT_ID = /^[0-9a-f]{24}$/
