import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openPdfScan } from "../src/importing/files/scan-images.ts";
import { paddleOcr } from "../src/services/ocr/paddle-ocr.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

const ROOT = join(import.meta.dirname, "..");
/** Report pages with text, tables and figures: seed 000 pages 1–3 and seed 003 page 1, at 200 dpi. */
const PAGES: Array<[string, number]> = [
  ["fixtures/pdf/seed-000-text.pdf", 1],
  ["fixtures/pdf/seed-000-text.pdf", 2],
  ["fixtures/pdf/seed-000-text.pdf", 3],
  ["fixtures/pdf/seed-003-text.pdf", 1],
];

/**
 * OCR: seconds per page read by the PaddleOCR engine (median of four report pages rendered as the
 * import renders a scan, the engine loaded first and not counted), model loading, and the peak
 * resident memory of the process after OCR.
 */
export async function benchOcr(line: Line): Promise<void> {
  const loadStart = process.hrtime.bigint();
  const available = await paddleOcr();
  if (!available.ok) {
    line("ocr_unavailable", 0, "", { reason: available.missing });
    return;
  }
  line("ocr_engine_load", Number(process.hrtime.bigint() - loadStart) / 1e9, "s");
  const seconds: number[] = [];
  for (const [file, page] of PAGES) {
    const scan = await openPdfScan(readFileSync(join(ROOT, file)), 1024);
    if ("reason" in scan) throw new Error(scan.reason);
    try {
      const image = await scan.pageImage(page);
      if (!image.ok) throw new Error(image.reason);
      const t = process.hrtime.bigint();
      const read = await available.engine.readPage(image.image, Date.now() + 300_000);
      seconds.push(Number(process.hrtime.bigint() - t) / 1e9);
      if (!read.ok) throw new Error(`${file} page ${page}: timeout`);
    } finally {
      await scan.close();
    }
  }
  seconds.sort((a, b) => a - b);
  const median = ((seconds[1] ?? 0) + (seconds[2] ?? 0)) / 2;
  line("ocr_seconds_per_page_median", median, "s", {
    pages: PAGES.length,
    dpi: 200,
    engine: available.engine.name,
  });
  line("ocr_seconds_per_page_max", seconds[seconds.length - 1] ?? 0, "s", { pages: PAGES.length });
  line("ocr_peak_rss", process.resourceUsage().maxRSS / 1024, "MB");
}
