import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scriptMessages } from "../src/adapters/cli/chat-command.ts";
import { type App, composeApp, composePostgresApp } from "../src/app/open-app.ts";
import { pgMissing, startPgCluster } from "../test/storage/pg-cluster.ts";
import type { DraftJobTask } from "./draft-job-child.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

/** Draft jobs enqueued per engine (ZIPING_BENCH_DRAFT_JOBS, default 200). */
const JOBS = Number(process.env.ZIPING_BENCH_DRAFT_JOBS ?? 200);
/** Conversations taken through the script at once (PostgreSQL turns wait on the network). */
const AT_ONCE = 8;

/**
 * Draft jobs per minute, drafting as durable jobs: {@link JOBS} conversations each take the seed-000
 * script through the chat service and say 生成报告 (the turn enqueues the job, as on a channel with
 * a draft worker); then worker processes (forked, each a ziping instance with the deterministic
 * drafter and a channel that keeps the files nowhere) run them until none is due. Timed from "go"
 * to the last worker done: 1 worker on SQLite; 2 on PostgreSQL (a throw-away cluster, fsync on),
 * skipped with the reason on stderr where PostgreSQL is not installed.
 */
export async function benchDraftJobs(line: Line): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "ziping-draft-jobs-"));
  try {
    const sqlite = join(dir, "bench.db");
    await enqueue(composeApp(sqlite));
    await drain(line, "sqlite", 1, { sqlite });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const missing = pgMissing();
  if (missing !== undefined) {
    process.stderr.write(`PostgreSQL draft-jobs bench skipped: ${missing}\n`);
    return;
  }
  const cluster = await startPgCluster({ durable: true });
  try {
    await enqueue(await composePostgresApp(cluster.url));
    await drain(line, "postgres", 2, { url: cluster.url });
  } finally {
    cluster.stop();
  }
}

/** Takes {@link JOBS} conversations through seed 000 and 生成报告; each must enqueue one job. */
async function enqueue(composed: Awaited<ReturnType<typeof composePostgresApp>>): Promise<void> {
  if (!composed.ok) throw new Error(composed.error.message);
  const app = composed.value;
  const script = readFileSync(join(import.meta.dirname, "../fixtures/conversations/seed-000.txt"), "utf8");
  const messages = [...scriptMessages(script), "生成报告"];
  for (let first = 0; first < JOBS; first += AT_ONCE) {
    const batch = Array.from({ length: Math.min(AT_ONCE, JOBS - first) }, (_, i) => first + i);
    await Promise.all(batch.map((u) => converse(app, u, messages)));
  }
  const pending = (await app.ziping.pendingDeliveriesUnder("bench:")).length;
  app.close();
  await app.closed();
  if (pending !== JOBS) throw new Error(`draft-jobs bench: ${pending} jobs enqueued, ${JOBS} expected`);
}

/** One conversation through `messages`, as a channel served by a draft worker sends them. */
async function converse(app: App, u: number, messages: readonly string[]): Promise<void> {
  for (const [i, text] of messages.entries())
    await app.ziping.handle({
      conversationKey: `bench:${u}`,
      userId: `u${u}`,
      messageId: `u${u}:${i}`,
      text,
      now: new Date("2026-11-21T09:00:00Z"),
      queued: true,
    });
}

/** Forks `workers` instances on the database, says go, and times until every one has no job due. */
async function drain(line: Line, engine: string, workers: number, store: Omit<DraftJobTask, "prefix">) {
  const children: ChildProcess[] = [];
  const ready: Promise<void>[] = [];
  for (let k = 0; k < workers; k++) {
    const child = fork(join(import.meta.dirname, "draft-job-child.ts"), { stdio: "inherit" });
    children.push(child);
    ready.push(new Promise((resolve) => child.once("message", () => resolve())));
    child.send({ ...store, prefix: "bench:" } satisfies DraftJobTask);
  }
  await Promise.all(ready);
  const done = children.map(
    (child) =>
      new Promise<number>((resolve, reject) => {
        child.once("message", (m: { delivered: number }) => resolve(m.delivered));
        child.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`worker exited ${code}`))));
      }),
  );
  const t = process.hrtime.bigint();
  for (const child of children) child.send("go");
  const delivered = await Promise.all(done);
  const minutes = Number(process.hrtime.bigint() - t) / 6e10;
  const total = delivered.reduce((a, b) => a + b, 0);
  if (total !== JOBS) throw new Error(`draft-jobs bench: ${total} of ${JOBS} jobs delivered on ${engine}`);
  line(`draft_jobs_per_minute_${engine}`, total / minutes, "jobs/min", {
    engine,
    workers,
    jobs: total,
    per_worker: delivered,
    drafter: "deterministic",
    script: "seed-000.txt + 生成报告",
  });
}
