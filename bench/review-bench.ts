import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from "docx";
import { reviewBatch } from "../src/services/review/review-batch.ts";
import { installedSchemes } from "../src/services/scheme-files.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

const ROOT = join(import.meta.dirname, "..");

/** Each seed and the place name in its unit, replaced per copy so every copy is another agency's report. */
const SEEDS = [
  { file: "000_0839647822e00506.txt", place: "金水区" },
  { file: "001_ed109474d837ba6d.txt", place: "金水区" },
  { file: "002_65c9de34f8230d6c.txt", place: "管城回族区" },
  { file: "003_3bc036a0d1488051.txt", place: "浏阳市" },
] as const;

/** The n-th copy of a seed: its place name changed ("金水区" → "金水7区"), so unit and bytes differ. */
function seedCopy(n: number): { name: string; text: string } {
  const seed = SEEDS[n % SEEDS.length] ?? SEEDS[0];
  const text = readFileSync(join(ROOT, "fixtures/seeds", seed.file), "utf8");
  const place = `${seed.place.slice(0, -1)}${n}${seed.place.slice(-1)}`;
  return { name: `seed-${String(n).padStart(3, "0")}`, text: text.replaceAll(seed.place, place) };
}

/** Tab-separated lines as Word tables, the rest as paragraphs (as an officer's .docx holds them). */
function wordBody(lines: readonly string[]): Array<Paragraph | Table> {
  const body: Array<Paragraph | Table> = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    const cells = (r: string[]) =>
      Array.from({ length: width }, (_, i) => new TableCell({ children: [new Paragraph(r[i] ?? "")] }));
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: rows.map((r) => new TableRow({ children: cells(r) })),
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

/** Reviews `dir`: total wall time, median time per file, the batch copy search, and the largest RSS seen between files. */
async function timeReview(
  dir: string,
): Promise<{ total: number; median: number; copySearch: number; peakMiB: number; reports: number }> {
  const schemes = installedSchemes();
  if (!schemes.ok) throw new Error(schemes.error.message);
  const starts: number[] = [];
  let peak = process.memoryUsage().rss;
  const started = performance.now();
  const result = await reviewBatch([dir], {
    schemes: schemes.value,
    scheme: undefined,
    corpus: null,
    now: () => new Date(),
    progress: () => {
      // The last call (done = total) starts the copy search: it ends the last file's time.
      starts.push(performance.now());
      peak = Math.max(peak, process.memoryUsage().rss);
    },
  });
  const end = performance.now();
  peak = Math.max(peak, process.memoryUsage().rss);
  // A file's time runs from its progress call to the next one.
  const per = starts
    .slice(0, -1)
    .map((t, i) => (starts[i + 1] ?? end) - t)
    .sort((a, b) => a - b);
  const copySearch = end - (starts.at(-1) ?? end);
  return {
    total: end - started,
    median: per[Math.floor(per.length / 2)] ?? 0,
    copySearch,
    peakMiB: peak / 1024 / 1024,
    reports: result.entries.length,
  };
}

/**
 * `ziping review` speed: a folder of 100 text reports (the 34 real reports of fixtures/real and 66
 * copies of the seeds under other place names) and one of 20 Word reports (the seeds as .docx under
 * other place names). Goal: 100 text reports in under 60 s on the 2-core machine.
 */
export async function benchReview(line: Line): Promise<void> {
  const text = mkdtempSync(join(tmpdir(), "ziping-bench-review-txt-"));
  const word = mkdtempSync(join(tmpdir(), "ziping-bench-review-docx-"));
  try {
    const real = readdirSync(join(ROOT, "fixtures/real")).filter((f) => f.endsWith(".txt"));
    for (const f of real) writeFileSync(join(text, f), readFileSync(join(ROOT, "fixtures/real", f)));
    for (let n = 0; n < 100 - real.length; n++) {
      const copy = seedCopy(n);
      writeFileSync(join(text, `${copy.name}.txt`), copy.text);
    }
    for (let n = 0; n < 20; n++) {
      const copy = seedCopy(n);
      const doc = new Document({ sections: [{ children: wordBody(copy.text.split(/\r?\n/)) }] });
      writeFileSync(join(word, `${copy.name}.docx`), await Packer.toBuffer(doc));
    }
    const t = await timeReview(text);
    line("review_100_txt_total", t.total / 1000, "s", { files: 100, reports: t.reports, goal_s: 60 });
    line("review_100_txt_median_per_file", t.median, "ms");
    line("review_100_txt_copy_search", t.copySearch / 1000, "s");
    line("review_100_txt_peak_rss", t.peakMiB, "MiB");
    const w = await timeReview(word);
    line("review_20_docx_total", w.total / 1000, "s", { files: 20, reports: w.reports });
    line("review_20_docx_median_per_file", w.median, "ms");
    line("review_20_docx_peak_rss", w.peakMiB, "MiB");
  } finally {
    rmSync(text, { recursive: true, force: true });
    rmSync(word, { recursive: true, force: true });
  }
}
