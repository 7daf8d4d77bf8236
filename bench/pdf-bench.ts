import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readDocument } from "../src/importing/files/read-document.ts";
import { importFile } from "../src/services/import-file.ts";
import { timeAsync } from "./timing.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

const ROOT = join(import.meta.dirname, "..");
/** Seed 000 laid out twelve times over by LibreOffice (scripts/make-pdf-fixtures.sh): 60 pages. */
const PDF = join(ROOT, "fixtures/pdf/report-60-pages.pdf");
const SEED = join(ROOT, "fixtures/seeds/000_0839647822e00506.txt");
const COPIES = 12;
const RUNS = 5;

/**
 * PDF import: `importFile` of a 60-page text PDF (ruled tables, wrapped cells, tables over page
 * breaks) against the same report as a .txt (the seed text twelve times over), median of five
 * runs after a warm-up; and reading the PDF's text layer alone (`readDocument`).
 */
export async function benchPdf(line: Line): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "ziping-pdf-bench-"));
  try {
    const text = Array.from({ length: COPIES }, () => readFileSync(SEED, "utf8")).join("\n");
    const txt = join(dir, "report-60-pages.txt");
    writeFileSync(txt, text);
    const bytes = readFileSync(PDF);
    const pdfImport = (await timeAsync(RUNS, () => importFile(PDF), 1)).median;
    const txtImport = (await timeAsync(RUNS, () => importFile(txt), 1)).median;
    const pdfRead = (await timeAsync(RUNS, () => readDocument("report-60-pages.pdf", bytes), 1)).median;
    const extra = { pages: 60, runs: RUNS };
    line("import_pdf_60_pages_median", pdfImport, "ms", extra);
    line("import_txt_same_report_median", txtImport, "ms", { runs: RUNS, chars: text.length });
    line("import_pdf_vs_txt_ratio", pdfImport / txtImport, "x", extra);
    line("read_pdf_text_layer_60_pages_median", pdfRead, "ms", extra);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
