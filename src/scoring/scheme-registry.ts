import type { Result } from "../core/result.ts";
import { validate } from "../core/validation.ts";
import { type Scheme, SchemeSchema } from "./scheme.ts";

/** Parses scheme data (from a file or inline), naming every wrong field in Chinese. */
export function parseScheme(data: unknown, source: string): Result<Scheme> {
  return validate(SchemeSchema, data, "scheme.invalid", `评分方案 ${source} `);
}
