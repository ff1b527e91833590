import type { DayCount } from '../repositories/port.js'

const DAY_MS = 86_400_000

/** The last `n` UTC calendar days up to and including today, oldest first, as YYYY-MM-DD. */
export function lastDays (n: number, now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  return Array.from({ length: n }, (_, i) => new Date(today - (n - 1 - i) * DAY_MS).toISOString().slice(0, 10))
}

/** The start of the first day, as the inclusive `since` the repositories take. */
export function startOf (day: string): string {
  return `${day}T00:00:00.000Z`
}

/**
 * One entry per day, zero where the database returned none: the repositories
 * only return days that had responses.
 */
export function fillDays (days: string[], counts: DayCount[]): DayCount[] {
  const byDate = new Map(counts.map(({ date, count }) => [date, count]))
  return days.map((date) => ({ date, count: byDate.get(date) ?? 0 }))
}
