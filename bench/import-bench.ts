import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from "docx";
import { importFile } from "../src/services/import-file.ts";
import { timeAsync } from "./timing.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

const ROOT = join(import.meta.dirname, "..");
const SEED = join(ROOT, "fixtures/seeds/000_0839647822e00506.txt");
/** Copies of seed 000 (about 7 Word pages each) in the long document: about 20 pages. */
const COPIES = 4;

/** The seed's lines as Word content: tab-separated lines become table rows, the rest paragraphs. */
function wordBody(lines: readonly string[]): Array<Paragraph | Table> {
  const body: Array<Paragraph | Table> = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: rows.map(
          (r) =>
            new TableRow({
              children: Array.from(
                { length: width },
                (_, i) => new TableCell({ children: [new Paragraph(r[i] ?? "")] }),
              ),
            }),
        ),
      }),
    );
    rows = [];
  };
  for (const line of lines) {
    if (line.includes("\t")) rows.push(line.split("\t").map((c) => c.trim()));
    else {
      flush();
      body.push(new Paragraph(line));
    }
  }
  flush();
  return body;
}

/**
 * Import speed by format: a ~20-page .docx (seed 000 three times, its tab-separated tables as real
 * Word tables) against the same text as .txt, median of several runs each; and how `ziping check`
 * does on the labelled real reports of ../shared/real-reports (recall, false alarms, unreadable).
 */
export async function benchImport(line: Line): Promise<void> {
  const seed = readFileSync(SEED, "utf8");
  const text = Array.from({ length: COPIES }, () => seed).join("\n");
  const dir = mkdtempSync(join(tmpdir(), "ziping-bench-import-"));
  try {
    const txt = join(dir, "report.txt");
    writeFileSync(txt, text);
    const docx = join(dir, "report.docx");
    const doc = new Document({ sections: [{ children: wordBody(text.split(/\r?\n/)) }] });
    writeFileSync(docx, await Packer.toBuffer(doc));
    const read = async (path: string) => {
      const r = await importFile(path);
      if (!r.ok) throw new Error(r.error.message);
    };
    await read(txt);
    await read(docx);
    const chars = [...text].length;
    line("import_txt_20_pages_median", (await timeAsync(7, () => read(txt))).median, "ms", { chars });
    line("import_docx_20_pages_median", (await timeAsync(7, () => read(docx))).median, "ms", {
      chars,
      bytes: readFileSync(docx).length,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  realReportEval(line);
  await realFixtureReads(line);
}

interface ExpectedRead {
  unit?: string | null;
  year?: number | null;
  kind?: string | null;
  indicatorRows?: Array<{ name: string; weight?: number; score?: number }>;
}

/**
 * How much of fixtures/real the importer reads as the hand-checked expectations say: unit, year and
 * kind right / wrong / not read, and the expected indicator rows found with their 分值 and 得分.
 */
async function realFixtureReads(line: Line): Promise<void> {
  const folder = join(ROOT, "fixtures/real");
  const expected = JSON.parse(readFileSync(join(folder, "expected-reads.json"), "utf8")).files as Record<
    string,
    ExpectedRead
  >;
  const dir = mkdtempSync(join(tmpdir(), "ziping-bench-real-"));
  const counts = { right: 0, wrong: 0, unread: 0, rows: 0, rowsFound: 0 };
  try {
    for (const [name, want] of Object.entries(expected)) {
      const text = readFileSync(join(folder, name), "utf8");
      const path = join(dir, name);
      writeFileSync(path, text.slice(text.indexOf("\n") + 1));
      const imported = await importFile(path);
      if (!imported.ok) continue;
      const main = imported.value.reports[0];
      if (main === undefined) continue;
      const { report, missing } = main.completed;
      const got: Record<string, unknown> = {
        unit: missing.includes("unit") ? null : report.unit.name,
        year: missing.includes("year") ? null : report.year,
        kind: missing.includes("kind") ? null : report.kind,
      };
      for (const key of ["unit", "year", "kind"] as const) {
        const value = want[key] ?? null;
        if (value === null) continue;
        if (got[key] === null) counts.unread += 1;
        else if (got[key] === value) counts.right += 1;
        else counts.wrong += 1;
      }
      const rows = report.indicators.flatMap((b) => b.groups.flatMap((g) => g.indicators));
      for (const row of want.indicatorRows ?? []) {
        counts.rows += 1;
        const found = rows.find((r) => r.name.replace(/\s/g, "") === row.name.replace(/\s/g, ""));
        if (found !== undefined && found.weight === row.weight && found.score === row.score)
          counts.rowsFound += 1;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const stated = counts.right + counts.wrong + counts.unread;
  line("real_fixtures_identity_right", counts.right / (stated || 1), "ratio", { ...counts, stated });
  line("real_fixtures_identity_wrong", counts.wrong, "count");
  line("real_fixtures_indicator_rows_found", counts.rowsFound / (counts.rows || 1), "ratio", {
    found: counts.rowsFound,
    expected: counts.rows,
  });
}

/** Runs the shared eval script (it calls `ziping check` per file) and reports its summary as figures. */
function realReportEval(line: Line): void {
  const script = join(ROOT, "../shared/real-reports/eval.py");
  if (!existsSync(script)) return;
  const run = spawnSync("python3", [script], { cwd: ROOT, encoding: "utf8", timeout: 600_000 });
  const summary = /recall (\d+)\/(\d+) = [\d.]+; false alarms (\d+)\/(\d+); unreadable files (\d+)/.exec(
    run.stdout ?? "",
  );
  if (summary === null) return;
  const [, hit, total, alarms, controls, unreadable] = summary.map(Number);
  line("real_report_recall", (hit ?? 0) / (total || 1), "ratio", { hit, total });
  line("real_report_false_alarms", alarms ?? 0, "count", { controls });
  line("real_report_unreadable_files", unreadable ?? 0, "count");
}
