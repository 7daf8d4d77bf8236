/**
 * Report text that looks like a draft placeholder (`[[budget.total]]`, `【【key】】` in a unit name,
 * an indicator name or the officer's text) is text, not a figure to fill. The deterministic
 * writers mix report text with their own `[[key]]` placeholders and fill the result, so report
 * text is shielded first: its double brackets become private-use characters no placeholder
 * matches, and are restored once the figures are filled. Pure.
 */

const SHIELD: [string, string][] = [
  ["[[", "\uE010"],
  ["]]", "\uE011"],
  ["【【", "\uE012"],
  ["】】", "\uE013"],
];

/** `value` with the double brackets of every string shielded (plain objects and arrays copied). */
export function shieldBrackets<T>(value: T): T {
  if (typeof value === "string") {
    const text: string = value;
    return SHIELD.reduce((t, [from, to]) => t.replaceAll(from, to), text) as T;
  }
  if (Array.isArray(value)) return value.map(shieldBrackets) as T;
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shieldBrackets(v)])) as T;
  return value;
}

/** Text with shielded brackets restored as written. */
export function unshieldBrackets(text: string): string {
  return SHIELD.reduce((t, [from, to]) => t.replaceAll(to, from), text);
}
