import type { Reply } from "../conversation/replies.ts";
import { ReportSchema } from "../core/report.ts";
import type { Result } from "../core/result.ts";
import type { Scheme } from "../scoring/scheme.ts";
import type { CorpusDocumentInfo, NewCorpusDocument } from "../storage/corpus-store.ts";
import type {
  CorpusRepository,
  DeliveryJobRepository,
  JobCounts,
  LeaseRepository,
  LeaseRow,
  ReportArchiveRepository,
  ReportRepository,
  ReportRow,
  UnitMembershipRow,
  UnitRole,
} from "../storage/index.ts";
import type { ReportArchive } from "../storage/report-archive.ts";
import { ANSWER_WAIT_MS, takeUnsentAnswer } from "./answer-claims.ts";
import type { ChatCorpus } from "./chat-corpus.ts";
import type { ChatLookup, CurrentReport } from "./chat-lookup.ts";
import type { ChatService, Delivery, IncomingMessage, TurnResult } from "./chat-service.ts";
import { checkReplies } from "./check-replies.ts";
import { type DeliveredDraft, type DraftFilesRequest, deliverDraft, draftFiles } from "./deliver-draft.ts";
import type { DraftEnv } from "./draft-report.ts";
import { DraftWorker } from "./draft-worker.ts";
import { listingOf, type ReportListing } from "./report-listing.ts";
import { pruneHandledMessages } from "./retention.ts";

/** Storage types channels name (they never import storage itself). */
export type { UnitRole };

/** The deployment as `ziping status` shows it. */
export interface DeploymentStatus {
  reports: number;
  corpus: number;
  jobs: JobCounts;
  leases: LeaseRow[];
}

/** What the composition root (src/app) builds once and hands to the service. */
export interface ZipingParts {
  store: ReportRepository;
  jobs: DeliveryJobRepository;
  /** Named leases: a connection only one instance may hold (a WeCom bot). */
  leases: LeaseRepository;
  /** The copy-detection corpus, and the chat's view of it. */
  corpusStore: CorpusRepository;
  corpus: ChatCorpus;
  archives: ReportArchiveRepository;
  chat: ChatService;
  schemes: readonly Scheme[];
  drafting: DraftEnv;
  /** Closes what was opened (the one database connection). */
  close: () => void;
  /** How long a redelivery waits for the first delivery's answer to be sent (ANSWER_WAIT_MS). */
  answerWaitMs?: number;
}

/** Who asks about a report: a user, and whether they administer the deployment (sees every report). */
export interface Asker {
  user: string;
  admin: boolean;
}

/**
 * The one door into the shell: what a person can do, as use cases every channel (terminal, Slack,
 * and later DingTalk, WeCom, Feishu) calls and only renders — take a turn, ask without changing
 * anything, list reports, deliver a draft (file bytes plus the one summary), check a saved report,
 * and what the channel's upkeep needs (claim an event id, prune old records). Built by src/app.
 * Every use case returns a Promise: SQLite answers at once inside, a networked store (PostgreSQL,
 * issue 20) will wait, and no channel may assume either.
 */
export class Ziping {
  /** This process's draft worker (started by `npm start`; the terminal drafts inline). */
  readonly drafts: DraftWorker;

  constructor(private readonly parts: ZipingParts) {
    this.drafts = new DraftWorker(this, parts.jobs);
  }

  /** The installed scoring schemes. */
  get schemes(): readonly Scheme[] {
    return this.parts.schemes;
  }

  /** Named leases shared by the instances on one database (a connection only one may hold). */
  get leases(): LeaseRepository {
    return this.parts.leases;
  }

  /** The model that drafts narratives, or undefined when drafting is deterministic. */
  get model(): string | undefined {
    return this.parts.drafting.llm?.port.model;
  }

  /** One message of a conversation (see ChatService.handle): committed before anything is shown. */
  handle(message: IncomingMessage): Promise<TurnResult> {
    return this.parts.chat.handle(message);
  }

  /** Read-only answers about a report (现在多少分, 为什么扣分 …); changes nothing. */
  ask(query: Parameters<ChatLookup["ask"]>[0]): Promise<Reply[]> {
    return this.parts.chat.lookup.ask(query);
  }

  /** Where a conversation stands (its report, a waiting confirmation), changing nothing. */
  current(conversationKey: string, userId: string): Promise<CurrentReport> {
    return this.parts.chat.lookup.current(conversationKey, userId);
  }

  /** A report to deliver by number or id, else the conversation's own (下载报告, /ziping draft N). */
  export(query: Parameters<ChatLookup["export"]>[0]): ReturnType<ChatLookup["export"]> {
    return this.parts.chat.lookup.export(query);
  }

  /** True when the conversation has been started (a thread ziping is part of). */
  async hasConversation(conversationKey: string): Promise<boolean> {
    return (await this.parts.store.getConversation(conversationKey)) !== undefined;
  }

  /** "核查" on a saved report by number or id, else the conversation's own, with copied passages. */
  async check(query: { conversationKey: string; userId: string; ref: string | null }): Promise<Reply[]> {
    const lookup = this.parts.chat.lookup;
    const found = await lookup.resolve(query.conversationKey, query.userId, query.ref);
    if (!found.ok) return [found.reply];
    // The checker asks synchronously: the passages are found first (the search reads the corpus).
    const report = ReportSchema.safeParse(found.doc);
    const passages = report.success
      ? await this.parts.corpus.passages(report.data, await lookup.ownWork(query.userId, found.id))
      : [];
    return checkReplies(found.doc, this.parts.schemes, () => passages);
  }

  /** The reports `asker` may open (every report for an administrator), most recent first. */
  async listReports(asker: Asker): Promise<ReportListing[]> {
    return (await this.parts.store.listReports(asker.admin ? undefined : asker.user)).map(listingOf);
  }

  /** A stored report `asker` may open, or undefined (a report of another unit reads as missing). */
  async report(id: string, asker: Asker): Promise<ReportRow | undefined> {
    const row = await this.parts.store.getReport(id);
    if (row === undefined) return undefined;
    return asker.admin || (await this.parts.store.canAccess(id, asker.user)) ? row : undefined;
  }

  /** The units a user belongs to (shown so an administrator can grant access). */
  unitsOf(userId: string): Promise<string[]> {
    return this.parts.store.unitsOf(userId);
  }

  /** Drafts asked for in this conversation and never handed over (the process stopped). */
  pendingDeliveries(conversationKey: string): Promise<Delivery[]> {
    return this.parts.chat.pendingDeliveries(conversationKey);
  }

  /** The same for every conversation whose key starts with `prefix` (a channel's at its start). */
  pendingDeliveriesUnder(prefix: string): Promise<{ conversationKey: string; delivery: Delivery }[]> {
    return this.parts.chat.pendingDeliveriesUnder(prefix);
  }

  /**
   * A delivery the chat asked for, drafted to checked file bytes and summarized. A refusal finishes
   * its job (the officer is told and asks again); a success leaves it pending until the channel has
   * handed the files over (`finishDelivery`), so a crash while writing or uploading redoes it.
   * `names`: the files wanted (.docx/.md), else both named after the report.
   */
  deliverDraft(
    delivery: Delivery,
    options: { names?: readonly string[]; now: Date },
  ): Promise<Result<DeliveredDraft>> {
    return deliverDraft(delivery, options, {
      schemes: this.parts.schemes,
      drafting: this.parts.drafting,
      finish: (d, now) => this.parts.chat.finishDelivery(d, now),
    });
  }

  /** Marks a delivery handed over (its files written or uploaded, or a failure told): not redone. */
  finishDelivery(delivery: Delivery, now: Date): Promise<void> {
    return this.parts.chat.finishDelivery(delivery, now);
  }

  /** `ziping draft`: any report (a file read, or a saved one) drafted to checked files and summarized. */
  draftFiles(request: DraftFilesRequest): Promise<Result<DeliveredDraft>> {
    return draftFiles(request, this.parts.schemes, this.parts.drafting);
  }

  /**
   * Adds `userId` to a unit with `role` (or changes their role); returns the role they had, or
   * undefined when they were not a member.
   */
  async addUnitMember(
    unitName: string,
    userId: string,
    role: UnitRole,
    now: Date,
  ): Promise<UnitRole | undefined> {
    const store = this.parts.store;
    return store.transaction(async () => {
      const was = (await store.unitMembers(unitName)).find((m) => m.userId === userId)?.role;
      await store.addUnitMember(unitName, userId, role, now);
      return was;
    });
  }

  /** Removes a membership; false when there was none. */
  removeUnitMember(unitName: string, userId: string): Promise<boolean> {
    return this.parts.store.removeUnitMember(unitName, userId);
  }

  /** Every membership of every unit. */
  unitMemberships(): Promise<UnitMembershipRow[]> {
    return this.parts.store.listUnitMembers();
  }

  /** Adds reports to the copy-detection corpus in one transaction; the same text twice is kept once. */
  async addToCorpus(
    docs: readonly NewCorpusDocument[],
    now: Date,
  ): Promise<{ added: boolean[]; size: number }> {
    const results = await this.parts.corpusStore.addDocuments(docs, now);
    return { added: results.map((r) => r.added), size: await this.parts.corpusStore.documentCount() };
  }

  /** The reports in the copy-detection corpus. */
  corpusDocuments(): Promise<CorpusDocumentInfo[]> {
    return this.parts.corpusStore.listDocuments();
  }

  /**
   * A whole report (document, members, event log) for `ziping export --with-events`, when `asker`
   * may open it; undefined otherwise (a report of another unit reads as missing).
   */
  async exportArchive(id: string, now: Date, asker: Asker): Promise<ReportArchive | undefined> {
    if (!asker.admin && !(await this.parts.store.canAccess(id, asker.user))) return undefined;
    return this.parts.archives.export(id, now);
  }

  /** Loads a whole report exported with `--with-events`; an id already there is refused. */
  importArchive(archive: ReportArchive, now: Date): Promise<Result<{ events: number }>> {
    return this.parts.archives.import(archive, now);
  }

  /** What an operator checks (`ziping status`): reports, corpus, draft jobs and single-connection leases. */
  async status(): Promise<DeploymentStatus> {
    return {
      reports: await this.parts.store.reportCount(),
      corpus: await this.parts.corpusStore.documentCount(),
      jobs: await this.parts.jobs.counts(),
      leases: await this.parts.leases.list(),
    };
  }

  /** Claims an inbound event id: false when it was handled before (a platform's retry). */
  claimEvent(eventId: string, now: Date): Promise<boolean> {
    return this.parts.store.claimEvent(eventId, now);
  }

  /** Marks the answer to a handled message as sent to the officer (see takeUnsentAnswer). */
  async answerSent(messageId: string, now: Date): Promise<void> {
    await this.parts.store.claimAnswer(messageId, now);
  }

  /**
   * For a redelivered message: true when its recorded answer was never sent (the instance that
   * handled it died before replying) and this caller is now the one to send it.
   */
  unsentAnswer(messageId: string, now: () => Date): Promise<boolean> {
    return takeUnsentAnswer(this.parts.store, messageId, now, this.parts.answerWaitMs ?? ANSWER_WAIT_MS);
  }

  /** Forgets event ids older than `before`; returns how many. */
  pruneEvents(before: Date): Promise<number> {
    return this.parts.store.pruneEvents(before);
  }

  /** Forgets handled message ids older than `keepDays` (see retention.ts); returns how many. */
  pruneHandledMessages(now: Date, keepDays: number): Promise<number> {
    return pruneHandledMessages(this.parts.store, now, keepDays);
  }

  /** Closes the database connection. */
  close(): void {
    // Stops the worker's loop at once (synchronously); a job in hand fails on the closed store.
    void this.drafts.stop();
    this.parts.close();
  }
}
