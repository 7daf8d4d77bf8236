/**
 * One ziping instance of the draft-jobs bench (forked by draft-jobs-bench.ts): opens the service on
 * PostgreSQL (`url`) or SQLite (`sqlite`) with the deterministic drafter, serves the bench's
 * conversations with a channel that keeps nothing, says "ready", and on "go" runs its draft worker
 * until no job is due; sends back how many it delivered and exits.
 */
import { composeApp, composePostgresApp } from "../src/app/open-app.ts";
import { ok } from "../src/core/result.ts";
import type { ChannelOutbound } from "../src/services/channel-port.ts";

/** The database (a PostgreSQL address, or a SQLite file) and the conversations to serve. */
export interface DraftJobTask {
  url?: string;
  sqlite?: string;
  prefix: string;
}

/** Where the drafted reports go: uploads are accepted and forgotten, messages sent nowhere. */
const SINK: ChannelOutbound = {
  capabilities: { buttons: false, messageUpdates: false, tables: false, files: true },
  send: async () => undefined,
  update: async () => undefined,
  upload: async (files) => ok(files.map((f) => f.name)),
};

process.once("message", async (task: DraftJobTask) => {
  const composed =
    task.url === undefined ? composeApp(task.sqlite ?? "") : await composePostgresApp(task.url);
  if (!composed.ok) throw new Error(composed.error.message);
  const app = composed.value;
  const log = {
    info: () => undefined,
    error: (message: string, error: unknown) => process.stderr.write(`${message}: ${String(error)}\n`),
  };
  app.ziping.drafts.serve(task.prefix, { outboundOf: () => SINK, now: () => new Date(), log });
  process.send?.("ready");
  process.once("message", async () => {
    const delivered = await app.ziping.drafts.runDue();
    app.close();
    await app.closed();
    process.send?.({ delivered }, () => process.exit(0));
  });
});
