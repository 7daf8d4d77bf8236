/** Times an async step `runs` times (after `warmUp` untimed runs): median and 99th percentile in ms. */
export async function timeAsync(
  runs: number,
  fn: () => Promise<unknown>,
  warmUp = 0,
): Promise<{ median: number; p99: number }> {
  for (let i = 0; i < warmUp; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { median: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

/** The `q` quantile (0.5 median, 0.99 p99) of `times`, by the nearest rank below; 0 for none. */
export function percentile(times: readonly number[], q: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
