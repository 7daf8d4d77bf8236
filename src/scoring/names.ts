/**
 * Normalises an indicator or block name for matching: drops spaces, quotes, brackets with points
 * ("(20分)", "（15）") and full-width/half-width differences. "投入管理 指标 (20分)" → "投入管理指标".
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[(（][^)）]*[)）]/g, "")
    .replace(/[\s"'“”‘’「」『』]/g, "")
    .trim();
}

/** Whether `name` is `wanted` or one of its aliases, after normalisation. */
export function nameMatches(name: string, wanted: string, aliases: readonly string[]): boolean {
  const n = normalizeName(name);
  return [wanted, ...aliases].some((a) => normalizeName(a) === n);
}
