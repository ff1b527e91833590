import { randomUUID } from 'node:crypto'
import { webhookEventOf } from './delivery/webhook-events.js'
import type { SideEffects } from '../infra/events.js'
import { invalidationOf } from '../caching/invalidation.js'
import { newObjectId } from '../repositories/ids.js'
import type { Owed } from '../repositories/port.js'

/**
 * What each domain event owes besides its write: its cache invalidation
 * (leased to the writer for `leaseMs`: the writer runs it before answering,
 * and another instance takes it over only if the writer dies) and its webhook
 * event. The repository records both in the write's transaction.
 */
export function owedSideEffects ({ leaseMs, now = Date.now }: { leaseMs: number, now?: () => number }): SideEffects {
  return (event, payload) => {
    const owed: Owed = {}
    const invalidation = invalidationOf(event, payload)
    if (invalidation !== undefined) owed.invalidation = { id: newObjectId(), ...invalidation, lease: { owner: randomUUID(), until: now() + leaseMs } }
    const webhook = webhookEventOf(event, payload, new Date(now()))
    if (webhook !== undefined) owed.webhook = webhook
    return owed
  }
}
