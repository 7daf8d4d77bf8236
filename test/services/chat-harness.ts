import { readFileSync } from "node:fs";
import { join } from "node:path";
import { scriptMessages } from "../../src/adapters/cli/chat-command.ts";
import { type App, composeApp, composePostgresApp } from "../../src/app/open-app.ts";
import type { Reply } from "../../src/conversation/replies.ts";
import type { TurnResult } from "../../src/services/chat-service.ts";

export const CONVERSATIONS = join(import.meta.dirname, "../../fixtures/conversations");
export const REPORTS = join(import.meta.dirname, "../../fixtures/reports");

/** An app on `path` (default in memory) whose report ids are r1, r2, …; drafts dated by `clock`. */
export function testApp(path = ":memory:", clock?: () => Date): App {
  let n = 0;
  const app = composeApp(path, { newId: () => `r${++n}`, ...(clock === undefined ? {} : { now: clock }) });
  if (!app.ok) throw new Error(app.error.message);
  return app.value;
}

/**
 * `exact`: the exported JSON equals the fixture byte for byte (apart from `source`). Otherwise the
 * two are equal as report models (ReportSchema output): the fixtures of 001 and 003 were transcribed
 * with empty lists and `{kind: "qualitative"}` targets where the chat writes nothing and the word.
 */
export const SEEDS = [
  { script: "seed-000.txt", report: "seed-000.json", maxMessages: 12, exact: true },
  { script: "seed-001.txt", report: "seed-001.json", maxMessages: 10, exact: false },
  { script: "seed-003.txt", report: "seed-003.json", maxMessages: 12, exact: false },
  { script: "seed-003-project.txt", report: "seed-003-project.json", maxMessages: 8, exact: false },
];

/**
 * An app on the PostgreSQL database `url` whose report ids are r1, r2, …; close it with
 * `app.close()` and wait for `app.closed()`.
 */
export async function testPostgresApp(url: string, newId?: () => string): Promise<App> {
  let n = 0;
  const app = await composePostgresApp(url, { newId: newId ?? (() => `r${++n}`) });
  if (!app.ok) throw new Error(app.error.message);
  return app.value;
}

/** The messages of a scripted conversation in fixtures/conversations. */
export function script(name: string): string[] {
  return scriptMessages(readFileSync(join(CONVERSATIONS, name), "utf8"));
}

/** The fixture report, without `source` (where the transcription came from, not something typed). */
export function fixture(name: string): unknown {
  const { source: _source, ...rest } = JSON.parse(readFileSync(join(REPORTS, name), "utf8"));
  return rest;
}

/** A chat with one user on one conversation key, with a fixed clock. */
export class Chat {
  private n = 0;
  constructor(
    readonly app: App,
    readonly user = "liu",
    readonly key = `cli:${user}`,
  ) {}
  send(text: string, messageId = `m${++this.n}`): Promise<TurnResult> {
    return this.app.chat.handle({
      conversationKey: this.key,
      userId: this.user,
      messageId,
      text,
      now: new Date("2026-11-21T09:00:00Z"),
    });
  }
  /** Sends each message in turn (each turn committed before the next is sent). */
  async sendAll(messages: readonly string[]): Promise<TurnResult[]> {
    const turns: TurnResult[] = [];
    for (const m of messages) turns.push(await this.send(m));
    return turns;
  }
  resume(): Promise<TurnResult> {
    return this.app.chat.handle({
      conversationKey: this.key,
      userId: this.user,
      messageId: null,
      text: "",
      now: new Date("2026-11-21T09:00:00Z"),
      resume: true,
    });
  }
  async reportId(): Promise<string> {
    const id = (await this.app.store.getConversation(this.key))?.reportId;
    if (id === undefined || id === null) throw new Error("no report");
    return id;
  }
  async doc(): Promise<unknown> {
    return (await this.app.store.getReport(await this.reportId()))?.doc;
  }
}

/** The question a turn ends with. */
export function lastQuestion(replies: readonly Reply[]): Extract<Reply, { type: "question" }> | undefined {
  const last = replies[replies.length - 1];
  return last?.type === "question" ? last : undefined;
}

/** Every notice of a level in a turn's replies. */
export function notices(replies: readonly Reply[], level: "error" | "warn" | "info"): string[] {
  return replies.flatMap((r) => (r.type === "notice" && r.level === level ? [r.text] : []));
}
