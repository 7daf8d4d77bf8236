import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pgMissing, startPgCluster } from "../test/storage/pg-cluster.ts";
import { MIGRATE_CORPUS, migrateAtScale } from "./migrate-bench.ts";
import { copyAtScale } from "./pg-copy-scale.ts";
import { percentile } from "./timing.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

/**
 * Corpus reports of the copy-detection figures unless ZIPING_BENCH_PG_CORPUS says otherwise: 100,000
 * took about 7 minutes here (129 million fingerprint rows by COPY in 4 minutes, key 1.5 minutes).
 */
const CORPUS = 100_000;

/**
 * The PostgreSQL figures, on a throw-away cluster the bench starts (fsync on) and stops: chat turn
 * median and p99 with 4 instances (forked processes) × 200 conversations on PostgreSQL, beside 1
 * instance × 200 conversations on SQLite in the same run; `ziping migrate` of a SQLite deployment
 * with ZIPING_BENCH_MIGRATE_CORPUS corpus reports (default 10,000); then copy detection against
 * ZIPING_BENCH_PG_CORPUS synthetic reports (default {@link CORPUS}; see pg-copy-scale.ts). Skipped
 * with the reason on stderr where PostgreSQL is not installed.
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
      const migrateCorpus = Number(process.env.ZIPING_BENCH_MIGRATE_CORPUS ?? MIGRATE_CORPUS);
      await migrateAtScale(line, cluster.url, dir, migrateCorpus);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await copyAtScale(line, cluster.url, Number(process.env.ZIPING_BENCH_PG_CORPUS ?? CORPUS));
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
