import { type ChildProcess, fork } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { docFrequencyLimit } from "../src/checks/copy/copy-search.ts";
import { documentPrints } from "../src/checks/copy/corpus-prints.ts";
import { openPostgres } from "../src/storage/postgres/open-postgres.ts";
import { pgMissing, startPgCluster } from "../test/storage/pg-cluster.ts";
import { ReportMaker } from "./copy-bench.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

/** Fingerprint rows per INSERT statement (three int arrays). */
const PRINT_BATCH = 100_000;
/** Distinct synthetic reports made at most; a larger corpus loads their prints again under new ids. */
const DISTINCT = 10_000;

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** How the fingerprints are sent: COPY when pg-copy-streams is installed (it is not here). */
const LOAD = "multi-row INSERT … SELECT FROM unnest(int[], int[], int[]), 100,000 rows a statement";

/**
 * The PostgreSQL figures, on a throw-away cluster the bench starts (fsync on) and stops: chat turn
 * median and p99 with 4 instances (forked processes) × 200 conversations on PostgreSQL, beside 1
 * instance × 200 conversations on SQLite in the same run; then copy detection against
 * ZIPING_BENCH_PG_CORPUS synthetic reports (default 10,000): load rate, table and index size, query
 * median and p95. Skipped with the reason on stderr where PostgreSQL is not installed.
 */
export async function benchPostgres(line: Line): Promise<void> {
  const missing = pgMissing();
  if (missing !== undefined) {
    process.stderr.write(`PostgreSQL bench skipped: ${missing}\n`);
    return;
  }
  const cluster = await startPgCluster({ durable: true });
  try {
    const dir = mkdtempSync(join(tmpdir(), "ziping-pg-bench-"));
    try {
      await chatTurns(line, "sqlite", 1, 200, { sqlite: join(dir, "bench.db") });
      // One instance on PostgreSQL too: what the database costs apart from four processes sharing the cores.
      await chatTurns(line, "postgres_1_instance", 1, 200, { url: cluster.url });
      await chatTurns(line, "postgres", 4, 200, { url: cluster.url });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await copyAtScale(line, cluster.url, Number(process.env.ZIPING_BENCH_PG_CORPUS ?? 10_000));
  } finally {
    cluster.stop();
  }
}

/** Runs `instances` forked instances over `conversations` conversations (split round-robin). */
async function chatTurns(
  line: Line,
  engine: string,
  instances: number,
  conversations: number,
  store: { url?: string; sqlite?: string },
): Promise<void> {
  const children: ChildProcess[] = [];
  const ready: Promise<void>[] = [];
  const done: Promise<number[]>[] = [];
  for (let k = 0; k < instances; k++) {
    const child = fork(join(import.meta.dirname, "pg-turn-child.ts"), { stdio: "inherit" });
    children.push(child);
    ready.push(new Promise((resolve) => child.once("message", () => resolve())));
    const mine = Array.from({ length: conversations }, (_, u) => u).filter((u) => u % instances === k);
    child.send({ ...store, instance: k, run: engine, conversations: mine });
  }
  // One at a time would be fairer to migrations; they take an advisory lock, so together is fine.
  await Promise.all(ready);
  for (const child of children)
    done.push(
      new Promise((resolve, reject) => {
        child.once("message", (m: { times: number[] }) => resolve(m.times));
        child.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`instance exited ${code}`))));
      }),
    );
  for (const child of children) child.send("go");
  const times = (await Promise.all(done)).flat().sort((a, b) => a - b);
  const extra = { engine, instances, conversations, turns: times.length, script: "seed-000.txt" };
  line(`chat_turn_median_${engine}`, percentile(times, 0.5), "ms", extra);
  line(`chat_turn_p99_${engine}`, percentile(times, 0.99), "ms", extra);
}

/** Builds a corpus of `size` synthetic reports in a database of its own and times queries on it. */
async function copyAtScale(line: Line, clusterUrl: string, size: number): Promise<void> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE corpus_bench");
  await admin.end();
  const url = clusterUrl.replace(/\/postgres$/u, "/corpus_bench");
  const pgStore = await openPostgres(url, { max: 2 });
  const s = pgStore.session;
  try {
    const maker = new ReportMaker();
    const distinct = Math.min(size, DISTINCT);
    const now = new Date("2026-01-01T00:00:00Z").toISOString();
    // Bulk load: without the primary key, which is built once at the end (as a COPY load would).
    await s.query("ALTER TABLE corpus_prints DROP CONSTRAINT corpus_prints_pkey");
    let loadMs = 0;
    let rowsLoaded = 0;
    const timed = async (fn: () => Promise<unknown>) => {
      const t = process.hrtime.bigint();
      await fn();
      loadMs += Number(process.hrtime.bigint() - t) / 1e6;
    };
    const base: { text: string; prints: { hash: number; pos: number }[] }[] = [];
    for (let i = 0; i < distinct; i++) {
      const text = maker.report(i).text;
      base.push({ text, prints: documentPrints(text).map((p) => ({ hash: p.hash, pos: p.pos })) });
    }
    for (let first = 0; first < size; first += 500) {
      const ids = Array.from({ length: Math.min(500, size - first) }, (_, i) => first + i + 1);
      const docs = ids.map((id) => base[(id - 1) % distinct] ?? { text: "", prints: [] });
      await timed(() =>
        s.query(
          `INSERT INTO corpus_documents (id, agency, year, content_hash, text, added_at)
           SELECT u.id, '单位' || u.id, 2021, u.h, u.t, $4 FROM unnest($1::int[], $2::text[], $3::text[]) AS u(id, h, t)`,
          [
            ids,
            docs.map((d, i) => createHash("sha256").update(`${ids[i]}:${d.text}`).digest("hex")),
            docs.map((d) => d.text),
            now,
          ],
        ),
      );
      let batch: [number[], number[], number[]] = [[], [], []];
      const flush = async () => {
        rowsLoaded += batch[0].length;
        const b = batch;
        await timed(() =>
          s.query(
            "INSERT INTO corpus_prints (hash, doc_id, pos) SELECT * FROM unnest($1::int[], $2::int[], $3::int[])",
            b,
          ),
        );
        batch = [[], [], []];
      };
      for (const [i, id] of ids.entries())
        for (const p of docs[i]?.prints ?? []) {
          batch[0].push(p.hash);
          batch[1].push(id);
          batch[2].push(p.pos);
          if (batch[0].length >= PRINT_BATCH) await flush();
        }
      if (batch[0].length > 0) await flush();
    }
    await s.query("SELECT setval(pg_get_serial_sequence('corpus_documents', 'id'), $1)", [size]);
    const tIndex = process.hrtime.bigint();
    await s.query("ALTER TABLE corpus_prints ADD PRIMARY KEY (hash, doc_id, pos)");
    const indexS = Number(process.hrtime.bigint() - tIndex) / 1e9;
    await s.query("VACUUM ANALYZE corpus_prints");
    await s.query("VACUUM ANALYZE corpus_documents");
    const extra = { corpus: size, distinct_reports: distinct, prints: rowsLoaded, load: LOAD };
    line("pg_corpus_load_rows_per_s", rowsLoaded / (loadMs / 1000), "rows/s", extra);
    line("pg_corpus_index_build_s", indexS, "s", extra);
    const [sizes] = await s.query<Record<string, string>>(
      `SELECT pg_relation_size('corpus_prints') AS prints, pg_indexes_size('corpus_prints') AS prints_index,
        pg_total_relation_size('corpus_documents') AS documents`,
    );
    line("pg_corpus_prints_table_mb", Number(sizes?.prints) / 2 ** 20, "MiB", extra);
    line("pg_corpus_prints_index_mb", Number(sizes?.prints_index) / 2 ** 20, "MiB", extra);
    line("pg_corpus_documents_mb", Number(sizes?.documents) / 2 ** 20, "MiB", extra);

    // The default limit (5 % of the corpus, at most 100) and the same cap given explicitly.
    for (const [suffix, options] of [
      ["", {}],
      ["_df_cap_100", { maxDocFrequency: 100 }],
    ] as const) {
      const times: number[] = [];
      let found = 0;
      const queries = 50;
      for (let q = -5; q < queries; q++) {
        const text = maker.report(1_000_000 + q + 5).text;
        const t = process.hrtime.bigint();
        found += (await pgStore.corpus.findPassages(text, options)).length;
        if (q >= 0) times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      times.sort((a, b) => a - b);
      const limit = docFrequencyLimit(size, options);
      const about = { ...extra, queries, warm_up: 5, doc_frequency_limit: limit };
      line(`pg_copy_query_median_ms${suffix}`, percentile(times, 0.5), "ms", about);
      line(`pg_copy_query_p95_ms${suffix}`, percentile(times, 0.95), "ms", about);
      line(`pg_copy_false_alarms_per_clean_report${suffix}`, found / (queries + 5), "passages", about);
    }
  } finally {
    pgStore.close();
    await s.ended();
  }
}
