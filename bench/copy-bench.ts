import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BOILERPLATE_TEXTS } from "../src/checks/copy/boilerplate.ts";
import { CorpusStore } from "../src/storage/corpus-store.ts";
import { openDatabase } from "../src/storage/open-database.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

const SEEDS = join(import.meta.dirname, "../fixtures/seeds");
const REPORT_CHARS = 10_000;
const HAN = /^[\u4e00-\u9fff]$/;

/** mulberry32: deterministic numbers in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 3,000 most frequent 2–4 character pieces of the seeds' Chinese runs, most frequent first. */
function vocabulary(): string[] {
  const random = prng(1);
  const counts = new Map<string, number>();
  for (const f of readdirSync(SEEDS).sort()) {
    for (const run of readFileSync(join(SEEDS, f), "utf8").match(/[\u4e00-\u9fff]+/g) ?? []) {
      for (let i = 0; i < run.length - 1; ) {
        const n = 2 + Math.floor(random() * 3);
        const word = run.slice(i, i + n);
        if (word.length >= 2) counts.set(word, (counts.get(word) ?? 0) + 1);
        i += n;
      }
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w)
    .slice(0, 3000);
}

/** Synthetic reports: Zipf-distributed words in sentences and paragraphs, with template paragraphs. */
export class ReportMaker {
  readonly #words = vocabulary();
  readonly #cumulative: number[] = [];
  /**
   * Two "district template" paragraphs that are NOT in the boilerplate list, each in one report in
   * four: far above the 5 % document-frequency limit, so only that filter keeps them out.
   */
  readonly templates: string[];

  constructor() {
    let sum = 0;
    for (let r = 0; r < this.#words.length; r++) {
      sum += 1 / (r + 1) ** 0.9;
      this.#cumulative.push(sum);
    }
    const random = prng(2);
    this.templates = Array.from({ length: 2 }, () => this.paragraph(random, 6));
  }

  #word(random: () => number): string {
    const x = random() * (this.#cumulative.at(-1) ?? 1);
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return this.#words[lo] ?? "的";
  }

  /** A paragraph of `sentences` sentences, with a figure now and then. */
  paragraph(random: () => number, sentences: number): string {
    let p = "";
    for (let s = 0; s < sentences; s++) {
      const n = 8 + Math.floor(random() * 10);
      for (let i = 0; i < n; i++) {
        p += this.#word(random);
        if (random() < 0.05) p += `${Math.floor(random() * 1000)}.${Math.floor(random() * 100)}万元`;
        if (i < n - 1 && random() < 0.22) p += random() < 0.8 ? "，" : "、";
      }
      p += "。";
    }
    return p;
  }

  /**
   * Report `id`: about 10,000 characters of its own paragraphs (`own` gives their spans), three
   * boilerplate texts with the slots filled, and now and then a district template paragraph.
   */
  report(id: number): { text: string; own: [number, number][] } {
    const random = prng(1000 + id);
    const parts: string[] = [];
    const own: [number, number][] = [];
    let length = 0;
    const push = (t: string, mine: boolean) => {
      if (mine) own.push([length, length + t.length]);
      parts.push(t);
      length += t.length + 2;
    };
    const extras = [0, 1, 2].map(
      () => BOILERPLATE_TEXTS[Math.floor(random() * BOILERPLATE_TEXTS.length)] ?? "",
    );
    if (random() < 0.5) extras.push(this.templates[Math.floor(random() * this.templates.length)] ?? "");
    while (length < REPORT_CHARS) {
      if (extras.length > 0 && random() < 0.3) {
        const year = String(2019 + Math.floor(random() * 6));
        push(
          (extras.pop() ?? "").replace(/\{年\}/g, year).replace(/\{[^{}]*\}/g, () => this.#word(random)),
          false,
        );
      }
      push(this.paragraph(random, 6 + Math.floor(random() * 6)), true);
    }
    return { text: parts.join("\n\n"), own };
  }
}

/** A passage of 50–200 characters from one of the report's own paragraphs, starting and ending on Han. */
export function pickPassage(random: () => number, report: { text: string; own: [number, number][] }): string {
  for (;;) {
    const [from, to] = report.own[Math.floor(random() * report.own.length)] ?? [0, 0];
    const length = 50 + Math.floor(random() * 151);
    let start = from + Math.floor(random() * (to - from - length));
    while (start < to && !HAN.test(report.text[start] ?? "")) start++;
    let end = start + length;
    while (end < to && !HAN.test(report.text[end - 1] ?? "")) end++;
    if (start >= from && end <= to && end - start >= 50) return report.text.slice(start, end);
  }
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/**
 * Copy detection over a synthetic corpus (ZIPING_BENCH_CORPUS reports, default 10,000, of about
 * 10,000 characters) in a temporary SQLite file: index build speed, database size, query time for
 * one report, recall of 200 planted passages of 50–200 characters, and false alarms on clean reports.
 */
export async function benchCopy(line: Line): Promise<void> {
  const size = Number(process.env.ZIPING_BENCH_CORPUS ?? 10_000);
  const maker = new ReportMaker();
  const dir = mkdtempSync(join(tmpdir(), "ziping-copy-bench-"));
  const path = join(dir, "corpus.db");
  const db = openDatabase(path);
  const corpus = new CorpusStore(db);
  corpus.setBoilerplate(BOILERPLATE_TEXTS);
  const now = new Date("2026-01-01T00:00:00Z");
  let buildMs = 0;
  let chars = 0;
  for (let first = 0; first < size; first += 500) {
    const docs = Array.from({ length: Math.min(500, size - first) }, (_, i) => {
      const text = maker.report(first + i).text;
      chars += text.length;
      return { agency: `单位${first + i}`, year: 2021, text };
    });
    const t = process.hrtime.bigint();
    await corpus.addDocuments(docs, now);
    buildMs += Number(process.hrtime.bigint() - t) / 1e6;
  }
  const extra = { corpus: size, chars_per_report: Math.round(chars / size) };
  line("corpus_index_build_docs_per_s", size / (buildMs / 1000), "docs/s", extra);
  line("corpus_index_build_chars_per_s", chars / (buildMs / 1000), "chars/s", extra);
  db.pragma("wal_checkpoint(TRUNCATE)");
  line("corpus_db_mb", statSync(path).size / 1024 / 1024, "MiB", extra);

  // Clean reports: query time and false alarms.
  const times: number[] = [];
  let falseAlarms = 0;
  const clean = 50;
  for (let q = 0; q < clean; q++) {
    const text = maker.report(1_000_000 + q).text;
    const t = process.hrtime.bigint();
    falseAlarms += (await corpus.findPassages(text)).length;
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  line("copy_query_median_ms", percentile(times, 0.5), "ms", { ...extra, queries: clean });
  line("copy_query_p95_ms", percentile(times, 0.95), "ms", { ...extra, queries: clean });
  line("copy_false_alarms_per_clean_report", falseAlarms / clean, "passages", { ...extra, queries: clean });

  // Planted passages: two per query report, each from a random corpus report.
  const random = prng(3);
  let planted = 0;
  let found = 0;
  for (let q = 0; q < 100; q++) {
    const base = maker.report(2_000_000 + q);
    const plants = [0, 1].map(() => {
      const source = 1 + Math.floor(random() * size);
      return { source, passage: pickPassage(random, maker.report(source - 1)) };
    });
    const [a, b] = plants.map((p) => p.passage);
    const cut = Math.floor(base.text.length / 2);
    const text = `${base.text.slice(0, cut)}\n\n${a}\n\n${base.text.slice(cut)}\n\n${b}`;
    const matches = await corpus.findPassages(text);
    for (const p of plants) {
      planted++;
      const at = text.indexOf(p.passage);
      const hit = matches.some(
        (m) =>
          m.source.id === p.source &&
          Math.min(m.queryEnd, at + p.passage.length) - Math.max(m.queryStart, at) >= p.passage.length / 2,
      );
      if (hit) found++;
    }
  }
  line("copy_recall", found / planted, "share", { ...extra, planted, lengths: "50-200" });
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
