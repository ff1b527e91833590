import { Type } from '@sinclair/typebox'

export const Liveness = Type.Object({
  status: Type.Literal('ok'),
  uptime_seconds: Type.Number()
})

export const DependencyCheck = Type.Object({
  status: Type.Union([Type.Literal('up'), Type.Literal('degraded'), Type.Literal('down')]),
  latency_ms: Type.Number(),
  detail: Type.Optional(Type.String({ description: 'the backend, or a short reason when not up (the error itself is only logged)' }))
})

export const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('degraded'), Type.Literal('unavailable')]),
  checks: Type.Record(Type.String(), DependencyCheck)
}, { $id: 'Readiness', title: 'Readiness' })

/** The probes take no query parameters: an unknown one is a 400, as on every route. */
export const NoQuery = Type.Object({}, { additionalProperties: false })
