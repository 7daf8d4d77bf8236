import { existsSync } from "node:fs";
import type { Database } from "better-sqlite3";
import { BOILERPLATE_TEXTS } from "../checks/copy/boilerplate.ts";
import type { PassageMatch } from "../checks/copy/copy-search.ts";
import { reportText } from "../checks/report-text.ts";
import type { Report } from "../core/report.ts";
import { fail, ok, type Result } from "../core/result.ts";
import { type CopyCorpus, corpusDocumentsFromFiles } from "../services/copy-corpus.ts";
import { CorpusStore, type NewCorpusDocument } from "../storage/corpus-store.ts";
import { openDatabase } from "../storage/open-database.ts";
import type { PostgresRepositories } from "../storage/postgres/open-postgres.ts";
import { connectionProblem, databaseLocation } from "../storage/postgres/pg-url.ts";

const DATABASE_FILE = /\.(db|sqlite3?)$/i;

/** The corpus store of a database, its boilerplate list brought up to date. */
export function corpusStore(db: Database): CorpusStore {
  const store = new CorpusStore(db);
  store.setBoilerplate(BOILERPLATE_TEXTS);
  return store;
}

/**
 * The corpus over a database file (":memory:" for one run), with `docs` added first in one
 * transaction; the boilerplate list is brought up to date on open.
 */
async function corpusOverDatabase(
  path: string,
  docs: readonly NewCorpusDocument[] = [],
  now = new Date(),
): Promise<CopyCorpus> {
  const db = openDatabase(path);
  const store = corpusStore(db);
  if (docs.length > 0) await store.addDocuments(docs, now);
  return {
    size: await store.documentCount(),
    search: (report) => store.searchNow(reportText(report).text, { excludeAgency: report.unit.name }),
    close: () => db.close(),
  };
}

/**
 * Opens the corpus `ziping check --corpus PATH` names: a corpus database (.db/.sqlite, as `ziping
 * corpus add` writes it), or report files or a folder of them, indexed in memory for this run.
 * Without `--corpus`, the deployment's database is used when it exists and holds documents (its
 * PostgreSQL database when `databaseUrl` is set, else the SQLite file); null means there is
 * nothing to compare with.
 */
export async function openCopyCorpus(
  spec: string | undefined,
  deploymentDb: string,
  now: Date,
  databaseUrl?: string,
): Promise<Result<CopyCorpus | null>> {
  if (spec === undefined) {
    if (databaseUrl !== undefined) return corpusOverPostgres(databaseUrl);
    if (!existsSync(deploymentDb)) return ok(null);
    const corpus = await corpusOverDatabase(deploymentDb);
    if (corpus.size > 0) return ok(corpus);
    corpus.close();
    return ok(null);
  }
  if (!existsSync(spec))
    return fail(
      "corpus.not_found",
      `找不到语料库 ${spec}。--corpus 应为语料库文件（.db）、报告文件或存放报告的文件夹，例如 --corpus fixtures/seeds`,
    );
  if (DATABASE_FILE.test(spec)) return ok(await corpusOverDatabase(spec));
  const docs = await corpusDocumentsFromFiles([spec]);
  if (!docs.ok) return docs;
  return ok(await corpusOverDatabase(":memory:", docs.value.docs, now));
}

/**
 * The deployment's corpus on PostgreSQL (DATABASE_URL). Its search is a database round trip, so
 * each report's passages are fetched by `prepare` before the (synchronous) check asks `search`.
 */
async function corpusOverPostgres(url: string): Promise<Result<CopyCorpus | null>> {
  let pg: PostgresRepositories;
  try {
    const { openPostgres } = await import("../storage/postgres/open-postgres.ts");
    pg = await openPostgres(url, { max: 2 });
  } catch (e) {
    return fail(
      "db.open",
      `无法连接 PostgreSQL 数据库 ${databaseLocation(url)}：${connectionProblem(e, url, "DATABASE_URL")}。`,
    );
  }
  const size = await pg.corpus.documentCount();
  if (size === 0) {
    pg.close();
    return ok(null);
  }
  const found = new WeakMap<Report, PassageMatch[]>();
  return ok({
    size,
    prepare: async (report) => {
      const text = reportText(report).text;
      found.set(report, await pg.corpus.findPassages(text, { excludeAgency: report.unit.name }));
    },
    search: (report) => {
      const matches = found.get(report);
      if (matches === undefined) throw new Error("PostgreSQL corpus searched before prepare(report)");
      return matches;
    },
    close: () => pg.close(),
  });
}
