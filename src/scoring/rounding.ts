/**
 * Rounds half away from zero at `decimals` places, immune to binary artefacts such as
 * 1.005 → 1.00. Scores and rates are rounded once, where they are shown or summed.
 */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const shifted = Math.abs(value) * factor;
  // A whole shifted value (most scores: 5 × 100) is already what the 12-digit pass gives.
  const whole = Number.isInteger(shifted) && shifted < 1e12;
  const rounded = (whole ? shifted : Math.round(Number(shifted.toPrecision(12)))) / factor;
  return value < 0 ? -rounded : rounded;
}

/** Truncates toward zero at `decimals` places (officers often cut 105.96% to 105%). */
function truncate(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.trunc(Number((value * factor).toPrecision(12))) / factor;
}

/**
 * Whether a figure stated with `decimals` places is the computed one, rounded or truncated
 * to that precision: 97% states 97.088%; 105% states 105.96% (truncated); 95% does not state 96%.
 */
export function statesValue(computed: number, stated: number, decimals: number): boolean {
  const eps = 1e-9;
  return (
    Math.abs(round(computed, decimals) - stated) < eps ||
    Math.abs(truncate(computed, decimals) - stated) < eps
  );
}

/** Formats a score for Chinese text without trailing zeros: 9.70 → "9.7", 10 → "10". */
export function fmt(value: number, decimals = 2): string {
  return String(round(value, decimals));
}

/**
 * Whether two scores are the same number of points. Scores are compared at 0.005, not at the
 * precision the officer wrote: a whole-number 5 must not "match" a rule value of 4.74.
 */
export function samePoints(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}
