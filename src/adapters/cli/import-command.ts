import { writeFileSync } from "node:fs";
import type { AmountUnit } from "../../importing/cell-values.ts";
import type { FileReport } from "../../services/import-file.ts";
import { importFile } from "../../services/import-file.ts";
import { reportTitle } from "./load-scored.ts";
import { type CliIo, EXIT } from "./output.ts";

const FORMAT_NAMES = { text: "文本", docx: "Word 文档", xlsx: "Excel 工作簿", pdf: "PDF 文档" } as const;
const MAX_LISTED = 30;

/** Where each report of a file is written: `--out` for the main one, `-附表N` before `.json` for annexes. */
export function outPaths(out: string, count: number): string[] {
  const base = out.replace(/\.json$/i, "");
  return Array.from({ length: count }, (_, i) => (i === 0 ? `${base}.json` : `${base}-附表${i}.json`));
}

/**
 * `ziping import <file> [--out report.json] [--unit 万元] [--json]`: reads a report file and says, per table and
 * section, what was read and what was not. `--unit` says what bare amounts in tables that state no
 * unit are in (otherwise they are listed as unread). Complete reports are written as report JSON (the format
 * `score`, `explain`, `check` and `draft` take). Exit 2 when the file cannot be read or no report in
 * it is complete.
 */
export async function importCommand(
  io: CliIo,
  file: string,
  options: { out?: string; json: boolean; amountUnit?: AmountUnit },
) {
  const { out, json } = options;
  const imported = await importFile(
    file,
    options.amountUnit === undefined ? {} : { defaultAmountUnit: options.amountUnit },
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
    io.out(`读取 ${file}（${FORMAT_NAMES[format]}）：找到 ${reports.length} 份报告`);
    for (const report of reports) printReport(io, report);
  }
  if (!reports.some((r) => r.report.ok)) {
    io.err(
      `${file} 中没有一份报告读全了必填项（单位名称、年度、报告类型）。请在文件中补上，或用 --json 查看读到的内容。`,
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
  const title = report.report.ok ? reportTitle(report.report.value) : "（不完整）";
  io.out(`\n【${report.label}】${title}`);
  io.out("  已读取：");
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
  if (!report.report.ok) io.out(`  ${report.report.error.message.replace(/\n/g, "\n  ")}`);
}

function jsonView(report: FileReport) {
  return {
    label: report.label,
    report: report.report.ok ? report.report.value : null,
    problem: report.report.ok ? null : report.report.error.message,
    reads: report.reads,
    unread: report.unread,
  };
}
