import type { Report } from "../../src/core/report.ts";
import type { Result } from "../../src/core/result.ts";
import type { Scheme } from "../../src/scoring/scheme.ts";
import { pickScheme } from "../../src/services/pick-scheme.ts";
import { installedSchemes } from "../../src/services/scheme-files.ts";

/** The scheme a report file is scored under, as `ziping score` picks it (its schemeId, else the guess). */
export function schemeOfReport(report: Report): Result<Scheme> {
  const installed = installedSchemes();
  if (!installed.ok) return installed;
  const picked = pickScheme(report, "", undefined, installed.value);
  return picked.ok ? { ok: true, value: picked.value.scheme } : picked;
}
