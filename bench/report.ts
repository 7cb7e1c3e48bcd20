/** Milliseconds of one call of `work`. */
export async function time(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * The value `fraction` of the way through `values` in ascending order: 0.5 the median, 0.95 the
 * 95th percentile; NaN for none.
 */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

export function perSecond(count: number, milliseconds: number): string {
  return `${Math.round((count / milliseconds) * 1000).toLocaleString("en")}/s`;
}

export function ratio(measured: number, baseline: number): string {
  return `${(measured / baseline).toFixed(2)}× baseline`;
}

export function printTable(rows: Array<Record<string, string | number>>): void {
  console.table(rows);
}
