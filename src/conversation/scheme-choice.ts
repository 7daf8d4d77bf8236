import { places } from "../scoring/guess-scheme.ts";
import type { Scheme } from "../scoring/scheme.ts";

/**
 * The schemes of `kind` that fit `region`, best first: a scheme whose places the region all names
 * ranks highest (more places higher); then one whose province alone is named (the officer said
 * "河南" and the scheme is 河南省郑州市's: likely, but not certain); a national scheme ("全国") fits
 * everywhere but last.
 */
export function schemesForRegion(
  region: string | undefined,
  kind: string | undefined,
  schemes: readonly Scheme[],
): Scheme[] {
  const ofKind = schemes.filter((s) => kind === undefined || s.kind === kind);
  const rank = (s: Scheme): number => {
    if (s.region === "全国") return 0.5;
    const names = places(s.region);
    if (names.length === 0 || region === undefined) return 0;
    const hit = names.filter((n) => region.includes(n)).length;
    if (hit === names.length) return 1 + hit;
    return names[0] !== undefined && region.includes(names[0]) ? 0.75 : 0;
  };
  return ofKind
    .map((s) => ({ s, r: rank(s) }))
    .filter((x) => x.r > 0)
    .sort((a, b) => b.r - a.r)
    .map((x) => x.s);
}

/** The one scheme to choose without asking: the single best regional fit, if there is exactly one. */
export function obviousScheme(
  region: string | undefined,
  kind: string | undefined,
  schemes: readonly Scheme[],
): Scheme | undefined {
  const fits = schemesForRegion(region, kind, schemes).filter(
    (s) => s.region !== "全国" && region !== undefined && places(s.region).every((n) => region.includes(n)),
  );
  const [first, second] = fits;
  if (first === undefined) return undefined;
  if (second !== undefined && places(second.region).length === places(first.region).length) return undefined;
  return first;
}

/**
 * The regional scheme of `kind` whose region the words name ("按我们安徽的办法", "用湖南的"), if
 * exactly one does; national schemes are not named by a place.
 */
export function schemeOfRegionNamed(
  words: string,
  kind: string | undefined,
  schemes: readonly Scheme[],
): Scheme | undefined {
  const named = schemes.filter(
    (s) =>
      s.region !== "全国" &&
      (kind === undefined || s.kind === kind) &&
      places(s.region).length > 0 &&
      places(s.region).every((p) => words.includes(p)),
  );
  const most = Math.max(0, ...named.map((s) => places(s.region).length));
  const best = named.filter((s) => places(s.region).length === most);
  return best.length === 1 ? best[0] : undefined;
}
