import { z } from "zod";

// Every message a person sees is Chinese, whichever entry point (CLI, chat, Slack) loaded this.
z.config(z.locales.zhCN());

import { fail, ok, type Result } from "./result.ts";

/** Writes a zod issue path the way the report files are written: `indicators[2].groups[0].weight`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join("");
}

/** One Chinese line per problem: "字段 budget.executed：金额缺少单位…". */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = formatPath(issue.path);
    return path === "" ? issue.message : `字段 ${path}：${issue.message}`;
  });
}

/**
 * Validates data with a schema and turns every problem into one Chinese message naming the field,
 * so a bad file gets a complete list rather than the first error.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  code: string,
  what: string,
): Result<z.output<S>> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  const lines = describeIssues(parsed.error.issues);
  return fail(code, `${what}不符合要求：\n${lines.map((l) => `  - ${l}`).join("\n")}`);
}
