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
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { median: at(0.5), p99: at(0.99) };
}
