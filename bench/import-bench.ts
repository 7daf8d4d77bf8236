import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from "docx";
import { importFile } from "../src/services/import-file.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

const ROOT = join(import.meta.dirname, "..");
const SEED = join(ROOT, "fixtures/seeds/000_0839647822e00506.txt");
/** Copies of seed 000 (about 7 Word pages each) in the long document: about 20 pages. */
const COPIES = 4;

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

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
    line("import_txt_20_pages_median", await median(7, () => read(txt)), "ms", { chars });
    line("import_docx_20_pages_median", await median(7, () => read(docx)), "ms", {
      chars,
      bytes: readFileSync(docx).length,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  realReportEval(line);
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
