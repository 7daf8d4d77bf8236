import type { Scheme } from "../scoring/scheme.ts";

/** Place names in a region string: "河南省郑州市（区县）" → ["河南", "郑州"]. */
function places(region: string): string[] {
  return [...region.matchAll(/([\u4e00-\u9fa5]{2,}?)(省|自治区|市|州|盟|区|县|旗)/g)]
    .map((m) => m[1] ?? "")
    .filter((p) => p !== "" && p !== "区县");
}

/**
 * The schemes of `kind` that fit `region`, best first: a scheme naming more of the region's places
 * ranks higher; a national scheme ("全国") fits everywhere but last.
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
    return hit === names.length ? 1 + hit : 0;
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
  const fits = schemesForRegion(region, kind, schemes).filter((s) => s.region !== "全国");
  const [first, second] = fits;
  if (first === undefined) return undefined;
  if (second !== undefined && places(second.region).length === places(first.region).length) return undefined;
  return first;
}
