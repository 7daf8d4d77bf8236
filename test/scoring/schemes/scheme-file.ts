import type { Scheme } from "../../../src/scoring/scheme.ts";
import { parseScheme } from "../../../src/scoring/scheme-registry.ts";
import { rawScheme } from "../build-report.ts";

/** An installed scheme file, validated as the loader does; a broken file fails the test with its message. */
export function parsedScheme(id: string): Scheme {
  const parsed = parseScheme(rawScheme(id), `${id}.json`);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}
