import { writeFileSync } from "node:fs";
import type { IdentityField } from "../../importing/report/complete-report.ts";
import type { AmountUnit } from "../../importing/tables/cell-values.ts";
import type { FileReport } from "../../services/import-file.ts";
import { importFile } from "../../services/import-file.ts";
import type { ReportIdentity } from "../../services/report-identity.ts";
import { reportTitle } from "./load-scored.ts";
import { type CliIo, EXIT } from "./output.ts";

const FORMAT_NAMES: Record<string, string> = {
  text: "文本",
  docx: "Word 文档",
  xlsx: "Excel 工作簿",
  pdf: "PDF 文档",
};
const MAX_LISTED = 30;

/** Where each report of a file is written: `--out` for the main one, `-附表N` before `.json` for annexes. */
export function outPaths(out: string, count: number): string[] {
  const base = out.replace(/\.json$/i, "");
  return Array.from({ length: count }, (_, i) => (i === 0 ? `${base}.json` : `${base}-附表${i}.json`));
}

/**
 * `ziping import <file> [--out report.json] [--unit 万元] [--name 单位] [--year 2021] [--kind 项目支出] [--json]`:
 * reads a report file and says, per table and section, what was read and what was not, and what the
 * file does not say (unit, year, kind) or says in a form that cannot be taken. `--unit` says what
 * bare amounts in tables that state no unit are in (otherwise they are listed as unread); `--name`,
 * `--year` and `--kind` supply what the file does not say. Complete reports are written as report
 * JSON (the format `score`, `explain`, `check` and `draft` take). A readable file is never refused:
 * exit 0 whenever it was read; exit 2 when it cannot be read at all, or when `--out` was asked and no
 * report in it has a unit, year and kind to be saved under.
 */
export async function importCommand(
  io: CliIo,
  file: string,
  options: { out?: string; json: boolean; amountUnit?: AmountUnit; identity?: ReportIdentity },
) {
  const { out, json } = options;
  const imported = await importFile(
    file,
    options.amountUnit === undefined ? {} : { defaultAmountUnit: options.amountUnit },
    options.identity ?? {},
  );
  if (!imported.ok) {
    io.err(imported.error.message);
    return EXIT.badInput;
  }
  const { reports, format } = imported.value;
  const paths = out === undefined ? [] : outPaths(out, reports.length);
  if (json) {
    io.out(JSON.stringify(reports.map(jsonView), null, 2));
  } else {
    io.out(`读取 ${file}（${FORMAT_NAMES[format] ?? format}）：找到 ${reports.length} 份报告`);
    for (const report of reports) printReport(io, report);
  }
  if (out !== undefined && !reports.some((r) => r.report.ok)) {
    const [main] = reports;
    const lacking = main === undefined ? [] : main.completed.missing.map((m) => IDENTITY_NAMES[m]);
    io.err(
      `未保存 ${out}：${file} 中没有一份报告读全了单位名称、年度和报告类型${lacking.length > 0 ? `（缺${lacking.join("、")}）` : ""}。` +
        "可用 --name、--year、--kind 补上，例如 --name 南县财政局 --year 2020 --kind 部门整体；不保存也可以直接 ziping check 这个文件。",
    );
    return EXIT.badInput;
  }
  for (const [i, report] of reports.entries()) {
    const path = paths[i];
    if (path === undefined || !report.report.ok) continue;
    try {
      writeFileSync(path, `${JSON.stringify(report.report.value, null, 2)}\n`);
    } catch (e) {
      io.err(
        `无法写入 ${path}：${(e as Error).message}。请检查 --out 所在的文件夹是否存在，例如 --out data/报告.json`,
      );
      return EXIT.badInput;
    }
    if (!json) io.out(`已保存：${path}（${report.label}）`);
  }
  if (out === undefined && !json)
    io.out("\n用 --out 报告.json 保存读出的报告，之后可用 ziping check / score / explain。");
  return EXIT.ok;
}

function printReport(io: CliIo, report: FileReport): void {
  const title = report.report.ok ? reportTitle(report.report.value) : "（单位、年度或类型未读全）";
  io.out(`\n【${report.label}】${title}`);
  io.out(report.reads.length === 0 ? "  已读取：（没有读到表格、章节或数字）" : "  已读取：");
  for (const read of report.reads) {
    const lines =
      read.firstLine === undefined
        ? ""
        : read.firstLine === read.lastLine
          ? `（第${read.firstLine}行）`
          : `（第${read.firstLine}–${read.lastLine}行）`;
    io.out(`    ${read.what}：${read.detail}${lines}`);
  }
  if (report.unread.length > 0) {
    io.out(`  未读取（${report.unread.length}处，没有猜测）：`);
    for (const row of report.unread.slice(0, MAX_LISTED)) io.out(`    ${row.reason}`);
    if (report.unread.length > MAX_LISTED)
      io.out(`    ……另有${report.unread.length - MAX_LISTED}处，用 --json 查看全部`);
  }
  const { missing, dropped, assumedKind } = report.completed;
  if (missing.length > 0) {
    const names = missing.map((m) => IDENTITY_NAMES[m]).join("、");
    io.out(`  文件中没有写明：${names}（可用 --name、--year、--kind 补上；ziping check 仍会核查其余内容）`);
    if (assumedKind !== undefined)
      io.out(
        `    报告类型暂按${assumedKind.kind === "project" ? "项目支出" : "部门整体"}（${assumedKind.why}）`,
      );
  }
  if (dropped.length > 0) {
    io.out(`  读到但不能采用（${dropped.length}处，按未填写处理）：`);
    for (const d of dropped.slice(0, MAX_LISTED)) io.out(`    ${d.label}：“${d.value}”——${d.reason}`);
  }
}

const IDENTITY_NAMES: Record<IdentityField, string> = { unit: "单位名称", year: "年度", kind: "报告类型" };

function jsonView(report: FileReport) {
  return {
    label: report.label,
    report: report.report.ok ? report.report.value : null,
    problem: report.report.ok ? null : report.report.error.message,
    missing: report.completed.missing,
    dropped: report.completed.dropped,
    reads: report.reads,
    unread: report.unread,
  };
}
