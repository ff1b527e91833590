// Numbers and Markdown tables, the same text for the terminal and BENCHMARKS.md.

export function fmt (value: number, digits = 2): string {
  if (!Number.isFinite(value)) return 'n/a'
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export const times = (value: number) => `${fmt(value, 2)}×`
export const pct = (value: number, digits = 1) => `${fmt(value * 100, digits)} %`
export const verdict = (met: boolean) => met ? 'met' : '**missed**'

/** A Markdown table with a heading; the same text goes to the terminal and BENCHMARKS.md. */
export function table (title: string, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = rows.map((row) => row.map(String))
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]?.length ?? 0)))
  const line = (row: readonly string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`
  return [`### ${title}`, '', line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.map(line), ''].join('\n')
}
