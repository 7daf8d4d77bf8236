import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XLSX_LIMITS } from "../src/importing/files/content-limits.ts";
import { MAX_OFFICE_FILE_BYTES } from "../src/importing/files/file-limits.ts";
import { type WorkbookShape, writeWorkbook } from "./xlsx-workbooks.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

const CHILD = join(import.meta.dirname, "import-child.ts");
const mib = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));

/** What bench/import-child.ts prints. */
interface ChildResult {
  ms: number;
  cpu_ms: number;
  ok: boolean;
  message?: string;
  peak_rss_mib: number;
}

/** Imports `file` in a fresh process (so its peak RSS is the import's own) and returns what it printed. */
function importInChild(file: string): ChildResult {
  const run = spawnSync(process.execPath, ["--import", "tsx", CHILD, file], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`import-child failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ChildResult;
}

/**
 * The worst workbooks of issue 16, imported as `ziping import` does, each in its own process:
 * - `xlsx_import_20mb_s`: the slowest accepted — a file just under the 20 MB size limit holding as
 *   much as the content limits let through (49,999 shared strings of 92 random characters, 99,996
 *   cells, just under 10 MB of sheet XML), brought to size by a random picture;
 * - `xlsx_refused_20mb_ms`: the shape that stalled the bot (an 8.3 MB file with 1.2M shared strings
 *   was killed after 300 s at 1.27 GB): 1,010,001 shared strings in a file just under 20 MB.
 * Seconds and milliseconds are wall clock; `cpu_s`/`cpu_ms` is the import's CPU time (the machine
 * may be shared); `peak_rss_mib` is the import process's peak resident memory.
 */
export async function benchXlsx(line: Line): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "ziping-bench-xlsx-"));
  try {
    const file = join(dir, "自评表.xlsx");
    const shape: WorkbookShape = { rows: Math.floor((XLSX_LIMITS.sharedStrings - 1) / 2), textLength: 92 };
    await writeWorkbook(file, shape);
    const pictureBytes = MAX_OFFICE_FILE_BYTES - statSync(file).size - 64 * 1024;
    await writeWorkbook(file, { ...shape, pictureBytes });
    const accepted = importInChild(file);
    line("xlsx_import_20mb_s", accepted.ms / 1000, "s", {
      cpu_s: Number((accepted.cpu_ms / 1000).toFixed(2)),
      peak_rss_mib: mib(accepted.peak_rss_mib * 1024 * 1024),
      ok: accepted.ok,
      file_mib: mib(statSync(file).size),
      shared_strings: shape.rows * 2 + 1,
      cells: shape.rows * 4,
    });

    const refused = join(dir, "共享字符串.xlsx");
    await writeWorkbook(refused, { rows: 505_000, textLength: 6 });
    const r = importInChild(refused);
    line("xlsx_refused_20mb_ms", r.ms, "ms", {
      cpu_ms: Number(r.cpu_ms.toFixed(1)),
      peak_rss_mib: mib(r.peak_rss_mib * 1024 * 1024),
      ok: r.ok,
      file_mib: mib(statSync(refused).size),
      shared_strings: 505_000 * 2 + 1,
      message: r.message,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
