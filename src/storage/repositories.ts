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
 * The repositories the use cases reach storage through. SQLite's classes implement them over one
 * connection (Store, DeliveryJobs, LlmCallLog, CorpusStore), the PostgreSQL store (storage/postgres)
 * over a pool. Every method returns a Promise, and `transaction` takes an async function: on SQLite
 * it holds the one connection (BEGIN IMMEDIATE … COMMIT, other callers wait); on PostgreSQL it holds
 * a client checked out of the pool. Calls made inside `fn` join its transaction, whichever
 * repository they belong to (the turn's answer, its delivery job and its corpus entry commit
 * together).
 */
export interface ReportRepository extends MessageClaimRepository, UnitMemberRepository {
  /** Runs `fn` atomically (write lock first); a throw rolls everything back; nested: a savepoint. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: waits until no other instance is in a turn of this conversation, and
   * keeps it so until the transaction ends (SQLite's one writer already does; PostgreSQL locks).
   */
  lockConversation(key: string): Promise<void>;
  ensureUser(id: string, displayName: string | undefined, now: Date): Promise<void>;
  getConversation(key: string): Promise<ConversationRow | undefined>;
  saveConversation(row: ConversationSave): Promise<void>;
  createReport(r: NewReport): Promise<void>;
  addMember(reportId: string, userId: string, role: MemberRole): Promise<void>;
  isMember(reportId: string, userId: string): Promise<boolean>;
  canAccess(reportId: string, userId: string): Promise<boolean>;
  getReport(id: string): Promise<ReportRow | undefined>;
  saveReport(r: ReportUpdate): Promise<void>;
  /** The reports `userId` may open (all of them without a user), most recent first. */
  listReports(userId?: string): Promise<ReportRow[]>;
  /** How many reports the deployment holds (without reading them). */
  reportCount(): Promise<number>;
  appendEvent(e: NewEvent): Promise<number>;
  listEvents(reportId: string): Promise<EventRow[]>;
}

/** The records that make a redelivered message or platform event change nothing. */
export interface MessageClaimRepository {
  getProcessedMessage(messageId: string): Promise<ProcessedMessageRow | undefined>;
  recordProcessedMessage(m: ProcessedMessageRecord): Promise<void>;
  /**
   * Marks a handled message's answer as sent (it stays unmarked between the turn's commit and its
   * replies); true when this call marked it, false when it was marked before.
   */
  claimAnswer(messageId: string, now: Date): Promise<boolean>;
  /** True the first time an inbound event id is seen (a platform's retry is then skipped). */
  claimEvent(eventId: string, now: Date): Promise<boolean>;
  pruneEvents(before: Date): Promise<number>;
  pruneProcessedMessages(before: Date): Promise<number>;
}

/** Which 单位 a user belongs to: every report of the unit is theirs to open. */
export interface UnitMemberRepository {
  addUnitMember(unitName: string, userId: string, role: UnitRole, now: Date): Promise<void>;
  removeUnitMember(unitName: string, userId: string): Promise<boolean>;
  unitsOf(userId: string): Promise<string[]>;
  unitMembers(unitName: string): Promise<UnitMemberRow[]>;
  listUnitMembers(): Promise<UnitMembershipRow[]>;
}

/** Requested drafts not yet handed over, as durable jobs a worker claims (see DeliveryJobs). */
export interface DeliveryJobRepository {
  add(job: { conversationKey: string; reportId: string; doc: unknown; now: Date }): Promise<number>;
  pending(conversationKey: string): Promise<DeliveryJob[]>;
  pendingUnder(prefix: string): Promise<DeliveryJob[]>;
  finish(id: number, now: Date): Promise<void>;
  /**
   * Takes the oldest due job whose key starts with one of `prefixes` (pending and due, or running
   * with an expired lease) for `worker` until `now + leaseMs`, counting an attempt; none: undefined.
   * Exclusive across connections and instances.
   */
  claim(request: ClaimRequest): Promise<ClaimedJob | undefined>;
  /**
   * The lease holder keeps a running job (a long draft) until `until`; false when the lease was
   * lost (another worker took the job, or it is no longer running): the caller must not hand it over.
   */
  renew(id: number, worker: string, until: Date): Promise<boolean>;
  /**
   * Records the platform reference of the job's 正在生成 notice, so the worker of any instance that
   * runs the job can put the result in its place (an unfinished job only).
   */
  setNotice(id: number, ref: string): Promise<void>;
  /** A failed attempt of the lease holder: pending again at `at`; false when the lease was lost. */
  retry(id: number, worker: string, error: string, at: Date): Promise<boolean>;
  /** The last failed attempt of the lease holder: failed for good; false when the lease was lost. */
  fail(id: number, worker: string, error: string, now: Date): Promise<boolean>;
  /** A job's state, attempts, next run and lease (operators and tests read it). */
  status(id: number): Promise<JobStatus | undefined>;
  /** How many jobs are pending, running, failed and done, and the last failure. */
  counts(): Promise<JobCounts>;
}

/** Who claims, what, and for how long (see DeliveryJobRepository.claim). */
export interface ClaimRequest {
  prefixes: readonly string[];
  worker: string;
  now: Date;
  leaseMs: number;
}

/** A claimed job: the delivery and how many times it has been claimed, this claim included. */
export interface ClaimedJob extends DeliveryJob {
  attempts: number;
  /** Where the turn's 正在生成 notice is (a platform message reference), when it was recorded. */
  noticeRef: string | null;
}

/** Where a job stands; times as ISO strings. */
export interface JobStatus {
  state: "pending" | "running" | "done" | "failed";
  attempts: number;
  nextRunAt: string;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
}

/** Named leases: one holder at a time, taken over once it expires (see Leases). */
export interface LeaseRepository {
  /** Takes `name` for `holder` until `now + ttlMs` when it is free, expired or already held by `holder`. */
  acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  /** Extends the holder's lease; false when another holder has taken it (or it was released). */
  renew(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  /** Gives the lease up, if `holder` still has it. */
  release(name: string, holder: string): Promise<void>;
  /** Every lease recorded (held, or expired and not yet taken), by name; times as ISO strings. */
  list(): Promise<LeaseRow[]>;
}

/** One named lease: who holds it and until when. */
export interface LeaseRow {
  name: string;
  holder: string;
  expiresAt: string;
}

/** How many draft jobs stand where, and the last failure (operators' status). */
export interface JobCounts {
  pending: number;
  running: number;
  failed: number;
  done: number;
  /** The most recent job that failed for good: its report, when, and why. */
  lastFailure: { reportId: string; at: string; error: string } | null;
}

/** Where every model call is recorded (see LlmCallLog). */
export interface LlmCallRepository {
  record(call: LlmCallRecord): Promise<number>;
}

/** The copy-detection corpus: other agencies' reports, searched for copied passages (see CorpusStore). */
export interface CorpusRepository {
  addDocument(doc: NewCorpusDocument, now: Date): Promise<{ id: number; added: boolean }>;
  /** All of `docs` in one transaction: a failure adds none. */
  addDocuments(docs: readonly NewCorpusDocument[], now: Date): Promise<{ id: number; added: boolean }[]>;
  listDocuments(): Promise<CorpusDocumentInfo[]>;
  documentIdsBySource(sources: readonly string[]): Promise<number[]>;
  documentCount(): Promise<number>;
  findPassages(text: string, options?: FindPassagesOptions): Promise<PassageMatch[]>;
}

/** Whole reports with their members and event log, as `ziping export --with-events` moves them. */
export interface ReportArchiveRepository {
  export(id: string, now: Date): Promise<ReportArchive | undefined>;
  import(archive: ReportArchive, now: Date): Promise<Result<{ events: number }>>;
}
