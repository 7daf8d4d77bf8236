import type { PassageMatch } from "../checks/copy/copy-search.ts";
import type { Result } from "../core/result.ts";
import type { LlmCallRecord } from "../drafting/llm-port.ts";
import type { CorpusDocumentInfo, FindPassagesOptions, NewCorpusDocument } from "./corpus-store.ts";
import type { DeliveryJob } from "./delivery-jobs.ts";
import type { ReportArchive } from "./report-archive.ts";
import type {
  ConversationRow,
  EventRow,
  ProcessedMessageRow,
  ReportRow,
  UnitMemberRow,
  UnitMembershipRow,
} from "./row-schemas.ts";
import type {
  ConversationSave,
  MemberRole,
  NewEvent,
  NewReport,
  ProcessedMessageRecord,
  ReportUpdate,
  UnitRole,
} from "./store-inputs.ts";

/**
 * The repositories the use cases reach storage through; SQLite's classes implement them (Store,
 * DeliveryJobs, LlmCallLog), and a networked store (PostgreSQL, issue 20) implements them too.
 *
 * They are synchronous for now: a chat turn is one SQLite IMMEDIATE transaction (`transaction(fn)`
 * with a synchronous `fn`), which keeps "commit the answer before any reply" and "a repeated message
 * id changes nothing" simple. A networked store makes every method return a Promise and
 * `transaction` take an async function (a connection held for the turn); ChatService.handle, the
 * turn and `run` then become async. The door above them (services/ziping.ts) already returns a
 * Promise from every use case and every channel awaits it, so that change stays below the door.
 */
export interface ReportRepository {
  /** Runs `fn` atomically (write lock first); a throw rolls everything back. */
  transaction<T>(fn: () => T): T;
  ensureUser(id: string, displayName: string | undefined, now: Date): void;
  getConversation(key: string): ConversationRow | undefined;
  saveConversation(row: ConversationSave): void;
  createReport(r: NewReport): void;
  addMember(reportId: string, userId: string, role: MemberRole): void;
  isMember(reportId: string, userId: string): boolean;
  canAccess(reportId: string, userId: string): boolean;
  getReport(id: string): ReportRow | undefined;
  saveReport(r: ReportUpdate): void;
  /** The reports `userId` may open (all of them without a user), most recent first. */
  listReports(userId?: string): ReportRow[];
  appendEvent(e: NewEvent): number;
  listEvents(reportId: string): EventRow[];
  getProcessedMessage(messageId: string): ProcessedMessageRow | undefined;
  recordProcessedMessage(m: ProcessedMessageRecord): void;
  /** True the first time an inbound event id is seen (a platform's retry is then skipped). */
  claimEvent(eventId: string, now: Date): boolean;
  pruneEvents(before: Date): number;
  pruneProcessedMessages(before: Date): number;
  addUnitMember(unitName: string, userId: string, role: UnitRole, now: Date): void;
  removeUnitMember(unitName: string, userId: string): boolean;
  unitsOf(userId: string): string[];
  unitMembers(unitName: string): UnitMemberRow[];
  listUnitMembers(): UnitMembershipRow[];
}

/** Requested drafts not yet handed over (see DeliveryJobs). */
export interface DeliveryJobRepository {
  add(job: { conversationKey: string; reportId: string; doc: unknown; now: Date }): number;
  pending(conversationKey: string): DeliveryJob[];
  pendingUnder(prefix: string): DeliveryJob[];
  finish(id: number, now: Date): void;
}

/** Where every model call is recorded (see LlmCallLog). */
export interface LlmCallRepository {
  record(call: LlmCallRecord): number;
}

/** The copy-detection corpus: other agencies' reports, searched for copied passages (see CorpusStore). */
export interface CorpusRepository {
  addDocument(doc: NewCorpusDocument, now: Date): { id: number; added: boolean };
  /** All of `docs` in one transaction: a failure adds none. */
  addDocuments(docs: readonly NewCorpusDocument[], now: Date): { id: number; added: boolean }[];
  listDocuments(): CorpusDocumentInfo[];
  documentIdsBySource(sources: readonly string[]): number[];
  documentCount(): number;
  findPassages(text: string, options?: FindPassagesOptions): PassageMatch[];
}

/** Whole reports with their members and event log, as `ziping export --with-events` moves them. */
export interface ReportArchiveRepository {
  export(id: string, now: Date): ReportArchive | undefined;
  import(archive: ReportArchive, now: Date): Result<{ events: number }>;
}
