import { createHash } from "node:crypto";
import pg from "pg";
import { type CopySearchOptions, docFrequencyLimit } from "../src/checks/copy/copy-search.ts";
import { documentPrints } from "../src/checks/copy/corpus-prints.ts";
import { integerCopyText } from "../src/storage/postgres/copy-text.ts";
import { openPostgres, type PostgresRepositories } from "../src/storage/postgres/open-postgres.ts";
import { COPY_PRINTS, RECOUNT_DOCUMENTS } from "../src/storage/postgres/pg-corpus-store.ts";
import type { PgSession } from "../src/storage/postgres/pg-session.ts";
import { pickPassage, prng, ReportMaker } from "./copy-bench.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

/** Distinct synthetic reports made at most; a larger corpus loads their prints again under new ids. */
const DISTINCT = 10_000;
/** Documents per INSERT, and per COPY of their fingerprints. */
const DOCS_PER_BATCH = 500;
/** Memory for building the primary key at the end, as an operator sets it for a bulk load. */
const BUILD_MEMORY = "1GB";
const LOAD = `COPY corpus_prints FROM STDIN (text format) per ${DOCS_PER_BATCH} documents, without keys; documents by INSERT … unnest`;
const HAN = /^[\u4e00-\u9fff]$/u;

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const since = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

type Report = ReturnType<ReportMaker["report"]>;

interface Base {
  text: string;
  prints: { hash: number; pos: number }[];
}

/**
 * Copy detection against `size` synthetic reports on PostgreSQL, in a database of its own on the
 * cluster at `clusterUrl`: COPY load rate, key build time, table and index size; then, for the
 * default document-frequency limit (at most 100) and the old 5 % rule, query median and p95 over
 * clean reports, false alarms, and recall of planted passages (300–600 and 50–200 characters).
 */
export async function copyAtScale(line: Line, clusterUrl: string, size: number): Promise<void> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE corpus_bench");
  await admin.end();
  const pgStore = await openPostgres(clusterUrl.replace(/\/postgres$/u, "/corpus_bench"), { max: 2 });
  try {
    const maker = new ReportMaker();
    const distinct = Math.min(size, DISTINCT);
    const base: Base[] = [];
    for (let i = 0; i < distinct; i++) {
      const text = maker.report(i).text;
      base.push({ text, prints: documentPrints(text).map((p) => ({ hash: p.hash, pos: p.pos })) });
    }
    const extra = { corpus: size, distinct_reports: distinct, load: LOAD };
    await load(pgStore.session, base, size, line, extra);
    const [sizes] = await pgStore.session.query<Record<string, string>>(
      `SELECT pg_relation_size('corpus_prints') AS prints, pg_indexes_size('corpus_prints') AS prints_index,
        pg_total_relation_size('corpus_documents') AS documents`,
    );
    line("pg_corpus_prints_table_mb", Number(sizes?.prints) / 2 ** 20, "MiB", extra);
    line("pg_corpus_prints_index_mb", Number(sizes?.prints_index) / 2 ** 20, "MiB", extra);
    line("pg_corpus_documents_mb", Number(sizes?.documents) / 2 ** 20, "MiB", extra);
    const variants: [string, string, CopySearchOptions][] = [
      ["", "_df_cap_100", {}],
      ["_df_5_percent", "_df_5_percent", { dfCap: Number.POSITIVE_INFINITY }],
    ];
    for (const [suffix, recallSuffix, options] of variants) {
      const about = { ...extra, doc_frequency_limit: docFrequencyLimit(size, options) };
      await cleanQueries(pgStore, maker, options, line, suffix, about);
      await recall(pgStore, maker, size, distinct, options, line, recallSuffix, about);
    }
  } finally {
    pgStore.close();
    await pgStore.session.ended();
  }
}

/** Loads documents and fingerprints without keys (COPY for the prints), then builds the keys. */
async function load(
  s: PgSession,
  base: readonly Base[],
  size: number,
  line: Line,
  extra: Record<string, unknown>,
): Promise<void> {
  const now = new Date("2026-01-01T00:00:00Z").toISOString();
  await s.query("ALTER TABLE corpus_prints DROP CONSTRAINT corpus_prints_pkey");
  await s.query("ALTER TABLE corpus_prints DROP CONSTRAINT corpus_prints_doc_id_fkey");
  let docsMs = 0;
  let printsMs = 0;
  let rows = 0;
  const wall = process.hrtime.bigint();
  for (let first = 0; first < size; first += DOCS_PER_BATCH) {
    const ids = Array.from({ length: Math.min(DOCS_PER_BATCH, size - first) }, (_, i) => first + i + 1);
    const docs = ids.map((id) => base[(id - 1) % base.length] ?? { text: "", prints: [] });
    let t = process.hrtime.bigint();
    await s.query(
      `INSERT INTO corpus_documents (id, agency, year, content_hash, text, added_at)
       SELECT u.id, '单位' || u.id, 2021, u.h, u.t, $4 FROM unnest($1::int[], $2::text[], $3::text[]) AS u(id, h, t)`,
      [
        ids,
        docs.map((d, i) => createHash("sha256").update(`${ids[i]}:${d.text}`).digest("hex")),
        docs.map((d) => d.text),
        now,
      ],
    );
    docsMs += since(t);
    t = process.hrtime.bigint();
    const printRows = function* () {
      for (const [i, id] of ids.entries()) for (const p of docs[i]?.prints ?? []) yield [p.hash, id, p.pos];
    };
    rows += await s.copyIn(COPY_PRINTS, integerCopyText(printRows(), "corpus_prints"));
    printsMs += since(t);
  }
  await s.query("SELECT setval(pg_get_serial_sequence('corpus_documents', 'id'), $1)", [size]);
  await s.query(RECOUNT_DOCUMENTS);
  const loadS = since(wall) / 1000;
  const tKey = process.hrtime.bigint();
  await s.transaction(async () => {
    await s.query(`SET LOCAL maintenance_work_mem = '${BUILD_MEMORY}'`);
    await s.query("ALTER TABLE corpus_prints ADD PRIMARY KEY (hash, doc_id, pos)");
  });
  const keyS = since(tKey) / 1000;
  const tFk = process.hrtime.bigint();
  await s.query(
    "ALTER TABLE corpus_prints ADD CONSTRAINT corpus_prints_doc_id_fkey FOREIGN KEY (doc_id) REFERENCES corpus_documents(id)",
  );
  const fkS = since(tFk) / 1000;
  const tVacuum = process.hrtime.bigint();
  await s.query("VACUUM ANALYZE corpus_prints");
  await s.query("VACUUM ANALYZE corpus_documents");
  const vacuumS = since(tVacuum) / 1000;
  const about = { ...extra, prints: rows, maintenance_work_mem: BUILD_MEMORY };
  line("pg_corpus_load_rows_per_s", rows / ((docsMs + printsMs) / 1000), "rows/s", about);
  line("pg_corpus_copy_rows_per_s", rows / (printsMs / 1000), "rows/s", about);
  line("pg_corpus_documents_insert_s", docsMs / 1000, "s", about);
  line("pg_corpus_load_wall_s", loadS, "s", about);
  line("pg_corpus_index_build_s", keyS, "s", about);
  line("pg_corpus_foreign_key_s", fkS, "s", about);
  line("pg_corpus_vacuum_analyze_s", vacuumS, "s", about);
}

/** Query time and false alarms over 50 clean reports (5 more first, untimed, to warm up). */
async function cleanQueries(
  r: PostgresRepositories,
  maker: ReportMaker,
  options: CopySearchOptions,
  line: Line,
  suffix: string,
  extra: Record<string, unknown>,
): Promise<void> {
  const times: number[] = [];
  let found = 0;
  const queries = 50;
  for (let q = -5; q < queries; q++) {
    const text = maker.report(1_000_000 + q + 5).text;
    const t = process.hrtime.bigint();
    found += (await r.corpus.findPassages(text, options)).length;
    if (q >= 0) times.push(since(t));
  }
  times.sort((a, b) => a - b);
  const about = { ...extra, queries, warm_up: 5 };
  line(`pg_copy_query_median_ms${suffix}`, percentile(times, 0.5), "ms", about);
  line(`pg_copy_query_p95_ms${suffix}`, percentile(times, 0.95), "ms", about);
  line(`pg_copy_false_alarms_per_clean_report${suffix}`, found / (queries + 5), "passages", about);
}

/**
 * Planted copies: 50 fresh reports, each with a passage of 300–600 characters (running over
 * paragraph breaks) and one of 50–200 characters (within a paragraph) of two random corpus reports'
 * own writing. A passage counts as found when the matches from one
 * document holding that text cover at least half of it.
 */
async function recall(
  r: PostgresRepositories,
  maker: ReportMaker,
  size: number,
  distinct: number,
  options: CopySearchOptions,
  line: Line,
  suffix: string,
  extra: Record<string, unknown>,
): Promise<void> {
  const random = prng(7);
  const found = { long: 0, short: 0 };
  const planted = 50;
  for (let q = 0; q < planted; q++) {
    const host = maker.report(3_000_000 + q).text;
    const [longFrom, shortFrom] = [0, 1].map(() => 1 + Math.floor(random() * size)) as [number, number];
    const long = ownSpan(random, maker.report((longFrom - 1) % distinct), 300, 600);
    const short = pickPassage(random, maker.report((shortFrom - 1) % distinct));
    const [a, b] = [Math.floor(host.length / 3), Math.floor((2 * host.length) / 3)];
    const text = `${host.slice(0, a)}\n\n${long}\n\n${host.slice(a, b)}\n\n${short}\n\n${host.slice(b)}`;
    const matches = await r.corpus.findPassages(text, options);
    const covered = (from: number, passage: string) => {
      const at = text.indexOf(passage);
      const bySource = new Map<number, number>();
      for (const m of matches) {
        if ((m.source.id - 1) % distinct !== (from - 1) % distinct) continue;
        const overlap = Math.min(m.queryEnd, at + passage.length) - Math.max(m.queryStart, at);
        if (overlap > 0) bySource.set(m.source.id, (bySource.get(m.source.id) ?? 0) + overlap);
      }
      return Math.max(0, ...bySource.values()) >= passage.length / 2;
    };
    if (covered(longFrom, long)) found.long++;
    if (covered(shortFrom, short)) found.short++;
  }
  const about = { ...extra, planted };
  line(`pg_copy_recall${suffix}`, found.long / planted, "share", { ...about, lengths: "300-600" });
  line(`pg_copy_recall_short${suffix}`, found.short / planted, "share", { ...about, lengths: "50-200" });
}

/**
 * `min`–`max` characters of a report's own writing (paragraph breaks included, no template
 * wording: copying a template is not what is measured), starting and ending on a Han character.
 */
function ownSpan(random: () => number, report: Report, min: number, max: number): string {
  const length = min + Math.floor(random() * (max - min + 1));
  // Runs of own paragraphs that follow one another (each is followed by "\n\n").
  const runs: [number, number][] = [];
  for (const [from, to] of report.own) {
    const last = runs.at(-1);
    if (last !== undefined && from === last[1] + 2) last[1] = to;
    else runs.push([from, to]);
  }
  const fits = runs.filter(([from, to]) => to - from >= length + 20);
  const [from, to] = fits[Math.floor(random() * fits.length)] ?? [0, report.text.length];
  let start = from + Math.floor(random() * (to - from - length));
  while (start < to && !HAN.test(report.text[start] ?? "")) start++;
  let end = Math.min(to, start + length);
  while (end > start && !HAN.test(report.text[end - 1] ?? "")) end--;
  return report.text.slice(start, end);
}
