import type { Repositories } from './port.js'

type Entity = 'forms' | 'responses' | 'users' | 'webhooks' | 'dashboards'
type Operation = 'read' | 'write'

// Every method of the port, classified. The mapped type makes the compiler
// reject a new repository method until it is classified here.
const OPERATIONS: { [E in Entity]: { [M in keyof Repositories[E]]: Operation } } = {
  forms: {
    create: 'write',
    findById: 'read',
    findByIds: 'read',
    list: 'read',
    update: 'write',
    delete: 'write',
    countByOwner: 'read',
    countByStatus: 'read'
  },
  responses: {
    create: 'write',
    findById: 'read',
    list: 'read',
    update: 'write',
    analytics: 'read',
    countPerForm: 'read',
    recent: 'read',
    perDay: 'read'
  },
  users: {
    create: 'write',
    findById: 'read',
    findByIds: 'read',
    findByEmail: 'read',
    list: 'read',
    recent: 'read',
    update: 'write',
    delete: 'write',
    count: 'read',
    findSession: 'read',
    findSessions: 'read',
    revokeTokens: 'write'
  },
  webhooks: { create: 'write', findById: 'read', listByForm: 'read', update: 'write', delete: 'write', deliveries: 'read' },
  dashboards: { get: 'read', put: 'write' }
}

export interface OperationCounts { reads: number, writes: number }

export type CountedRepositories = Repositories & { readonly counts: Readonly<OperationCounts> }

/** Wraps an adapter so every repository call of the request paths is counted as a read or a write. */
export function countOperations (repositories: Repositories): CountedRepositories {
  const counts: OperationCounts = { reads: 0, writes: 0 }
  const wrap = <E extends Entity>(entity: E): Repositories[E] => {
    const target = repositories[entity] as unknown as Record<string, (...args: unknown[]) => unknown>
    const operations = OPERATIONS[entity] as Record<string, Operation>
    const wrapped: Record<string, (...args: unknown[]) => unknown> = {}
    for (const [method, operation] of Object.entries(operations)) {
      const call = target[method]!.bind(target)
      wrapped[method] = operation === 'read'
        ? (...args) => { counts.reads++; return call(...args) }
        : (...args) => { counts.writes++; return call(...args) }
    }
    return wrapped as unknown as Repositories[E]
  }
  return {
    kind: repositories.kind,
    forms: wrap('forms'),
    responses: wrap('responses'),
    users: wrap('users'),
    webhooks: wrap('webhooks'),
    dashboards: wrap('dashboards'),
    // The relay's background polls are not request work: counting them would
    // blur what the counters show (the cache's effect on the database).
    outbox: repositories.outbox,
    ping: () => repositories.ping(),
    probe: () => repositories.probe(),
    close: () => repositories.close(),
    counts
  }
}
