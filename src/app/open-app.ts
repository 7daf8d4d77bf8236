import { randomBytes } from "node:crypto";
import type { ChatEngine, EngineOptions } from "../conversation/step.ts";
import { createEngine } from "../conversation/step.ts";
import { fail, ok, type Result } from "../core/result.ts";
import type { Scheme } from "../scoring/scheme.ts";
import { type ChatCorpus, chatCorpus } from "../services/chat-corpus.ts";
import { ChatService } from "../services/chat-service.ts";
import type { DraftEnv } from "../services/draft-report.ts";
import { installedSchemes } from "../services/scheme-files.ts";
import { loadTemplateFamilies } from "../services/template-files.ts";
import { Ziping } from "../services/ziping.ts";
import {
  type CorpusRepository,
  type DeliveryJobRepository,
  DeliveryJobs,
  type LeaseRepository,
  Leases,
  type LlmCallRepository,
  openDatabase,
  type ReportArchiveRepository,
  type ReportRepository,
  Store,
} from "../storage/index.ts";
import { LlmCallLog } from "../storage/llm-call-log.ts";
import type { PostgresRepositories } from "../storage/postgres/open-postgres.ts";
import { connectionProblem, databaseLocation } from "../storage/postgres/pg-url.ts";
import { exportReportArchive, importReportArchive, type ReportArchive } from "../storage/report-archive.ts";
import { corpusStore } from "./copy-corpus.ts";

/** Short report ids an officer can type: "r" + 8 base-36 characters. */
function randomReportId(): string {
  return `r${BigInt(`0x${randomBytes(6).toString("hex")}`)
    .toString(36)
    .padStart(8, "0")
    .slice(0, 8)}`;
}

/**
 * The composed application: the one service adapters receive (`ziping`), and, for tests and
 * benches that look inside, the repositories and parts it was built from.
 */
export interface App {
  ziping: Ziping;
  store: ReportRepository;
  chat: ChatService;
  engine: ChatEngine;
  /** The installed scoring schemes the engine was built with. */
  schemes: readonly Scheme[];
  /** The deployment's corpus of other agencies' reports (copied passages). */
  corpus: ChatCorpus;
  close(): void;
  /** Settles once `close` has finished (PostgreSQL: the pool's connections are closed). */
  closed(): Promise<void>;
}

/** What composing may replace: report ids, engine options, and the drafting environment. */
export interface ComposeOptions {
  newId?: () => string;
  /** Go to the engine (the bench counts scorer runs through them). */
  engineOptions?: EngineOptions;
  /**
   * The drafting environment, given the call log on the same connection; absent: the template
   * families with the deterministic drafter.
   */
  drafting?: (log: LlmCallRepository) => Result<DraftEnv>;
  now?: () => Date;
  /** How long a redelivered message waits for the first delivery's answer (tests shorten it). */
  answerWaitMs?: number;
}

/** The repositories one storage engine provides, and how to close it. */
interface Storage {
  store: ReportRepository;
  jobs: DeliveryJobRepository;
  leases: LeaseRepository;
  log: LlmCallRepository;
  corpus: CorpusRepository;
  archives: ReportArchiveRepository;
  close: () => void;
  /** Settles once `close` has finished (a pool's connections closed; SQLite closes at once). */
  closed: () => Promise<void>;
}

/**
 * The composition root: loads the installed schemes, opens THE database connection (running
 * migrations), builds every repository over it (Store, DeliveryJobs, LlmCallLog, the corpus), the
 * engine, the drafting environment and the chat service, and wraps them in the one service object.
 * Nothing else opens the database for a command, the terminal chat or Slack. SQLite, the embedded
 * default; {@link composePostgresApp} is the same over PostgreSQL.
 */
export function composeApp(dbPath: string, options: ComposeOptions = {}): Result<App> {
  const schemes = installedSchemes();
  if (!schemes.ok) return schemes;
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(dbPath);
  } catch (e) {
    return fail("db.open", `无法打开数据库 ${dbPath}：${(e as Error).message}`);
  }
  const store = new Store(db);
  return assemble(
    {
      store,
      jobs: new DeliveryJobs(db),
      leases: new Leases(db),
      log: new LlmCallLog(db),
      corpus: corpusStore(db),
      archives: {
        export: (id: string, now: Date) => exportReportArchive(db, id, now),
        import: (archive: ReportArchive, now: Date) => importReportArchive(db, archive, now),
      },
      close: () => store.close(),
      closed: async () => undefined,
    },
    schemes.value,
    options,
  );
}

/**
 * The composition root over PostgreSQL (`DATABASE_URL`): the same service, every repository on one
 * pool, so several instances on several machines share one truth. The schema is migrated on
 * connect. A server that cannot be reached or migrated is a "db.open" failure naming the host, never
 * the password.
 */
export async function composePostgresApp(url: string, options: ComposeOptions = {}): Promise<Result<App>> {
  const schemes = installedSchemes();
  if (!schemes.ok) return schemes;
  let pg: PostgresRepositories;
  try {
    // Loaded only here: a single machine on SQLite never loads the PostgreSQL client.
    const { openPostgres } = await import("../storage/postgres/open-postgres.ts");
    pg = await openPostgres(url);
  } catch (e) {
    return fail(
      "db.open",
      `无法连接 PostgreSQL 数据库 ${databaseLocation(url)}：${connectionProblem(e, url, "DATABASE_URL")}。`,
    );
  }
  return assemble({ ...pg, closed: () => pg.session.ended() }, schemes.value, options);
}

/** The engine, drafting, corpus view, chat and door over one storage engine's repositories. */
function assemble(storage: Storage, schemes: readonly Scheme[], options: ComposeOptions): Result<App> {
  const drafting = (options.drafting ?? defaultDrafting(options.now ?? (() => new Date())))(storage.log);
  if (!drafting.ok) {
    storage.close();
    return drafting;
  }
  const engine = createEngine(schemes, options.engineOptions ?? {});
  const corpus = chatCorpus(storage.corpus);
  const { store, jobs, leases, archives, close, closed } = storage;
  const chat = new ChatService(store, engine, options.newId ?? randomReportId, corpus, jobs);
  const ziping = new Ziping({
    store,
    jobs,
    leases,
    corpusStore: storage.corpus,
    archives,
    corpus,
    chat,
    schemes,
    drafting: drafting.value,
    close,
    ...(options.answerWaitMs === undefined ? {} : { answerWaitMs: options.answerWaitMs }),
  });
  return ok({ ziping, store, engine, schemes, chat, corpus, close, closed });
}

/** `composeApp` for tests and benches, where a failure to compose is a bug: throws it. */
export function openApp(
  dbPath: string,
  newId: () => string = randomReportId,
  engineOptions: EngineOptions = {},
): App {
  const app = composeApp(dbPath, { newId, engineOptions });
  if (!app.ok) throw new Error(app.error.message);
  return app.value;
}

function defaultDrafting(now: () => Date): () => Result<DraftEnv> {
  return () => {
    const families = loadTemplateFamilies();
    return families.ok ? ok({ families: families.value, now }) : families;
  };
}
