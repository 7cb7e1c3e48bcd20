/** Milliseconds of one call of `work`. */
export async function time(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
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
