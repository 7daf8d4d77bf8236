import type { ReportKind } from "../core/report.ts";
import { fail, ok, type Result } from "../core/result.ts";
import type { ImportedReport } from "../importing/report/import-document.ts";

/**
 * What a person says about a report that its file does not (`--name`, `--year`, `--kind` of
 * `ziping import` and `ziping check`): the unit, the year and the kind. Given values win over what
 * the file says, and the import notes say they were given.
 */
export interface ReportIdentity {
  unit?: string | undefined;
  year?: number | undefined;
  kind?: ReportKind | undefined;
}

const KIND_WORDS: Record<string, ReportKind> = {
  部门整体: "department",
  部门: "department",
  department: "department",
  项目支出: "project",
  项目: "project",
  project: "project",
};

/** Reads the identity options as typed; each wrong value gets a Chinese message with an example. */
export function readIdentity(values: {
  name?: string | undefined;
  year?: string | undefined;
  kind?: string | undefined;
}): Result<ReportIdentity> {
  const identity: ReportIdentity = {};
  if (values.name !== undefined) {
    const name = values.name.trim();
    if (name === "") return fail("option.name", "--name 应为单位全称，例如 --name 南县财政局");
    identity.unit = name;
  }
  if (values.year !== undefined) {
    const year = Number(values.year.trim().replace(/年度?$/, ""));
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      return fail("option.year", `--year 应为四位年份，例如 --year 2021（读到“${values.year}”）`);
    identity.year = year;
  }
  if (values.kind !== undefined) {
    const kind = KIND_WORDS[values.kind.trim()];
    if (kind === undefined)
      return fail(
        "option.kind",
        `--kind 应为 部门整体 或 项目支出，例如 --kind 项目支出（读到“${values.kind}”）`,
      );
    identity.kind = kind;
  }
  return ok(identity);
}

/** Writes the given identity into a report read from a file, noting each value given. */
export function applyIdentity(read: ImportedReport, identity: ReportIdentity): void {
  const fragment = read.fragment;
  if (identity.unit !== undefined) {
    fragment.unit = { ...(fragment.unit ?? {}), name: identity.unit };
    read.reads.unshift({ what: "单位名称", detail: `${identity.unit}（由 --name 指定）` });
  }
  if (identity.year !== undefined) {
    fragment.year = identity.year;
    read.reads.unshift({ what: "年度", detail: `${identity.year}（由 --year 指定）` });
  }
  if (identity.kind !== undefined) {
    fragment.kind = identity.kind;
    const name = identity.kind === "project" ? "项目支出" : "部门整体";
    read.reads.unshift({ what: "报告类型", detail: `${name}（由 --kind 指定）` });
  }
}
