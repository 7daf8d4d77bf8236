import { existsSync, readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { Database } from "better-sqlite3";
import { BOILERPLATE_TEXTS } from "../checks/copy/boilerplate.ts";
import type { PassageMatch } from "../checks/copy/copy-search.ts";
import { reportText } from "../checks/report-text.ts";
import type { Report } from "../core/report.ts";
import { fail, ok, type Result } from "../core/result.ts";
import { CorpusStore, type NewCorpusDocument } from "../storage/corpus-store.ts";
import { openDatabase } from "../storage/open-database.ts";
import { loadReports } from "./load-reports.ts";

/** The reports copied passages are searched in, whichever way they were given. */
export interface CopyCorpus {
  /** Documents in the corpus. */
  readonly size: number;
  /** Passages of the report's narrative found in other agencies' reports. */
  search(report: Report): PassageMatch[];
  close(): void;
}

const DATABASE_FILE = /\.(db|sqlite3?)$/i;
const REPORT_FILE = /\.(txt|md|markdown|docx|xlsx|pdf|json)$/i;

/** The corpus document of a report: its narrative, by its unit and year. */
export function corpusDocument(report: Report, source: string, title: string): NewCorpusDocument {
  return {
    agency: report.unit.name,
    year: report.year,
    title,
    source,
    kind: report.kind,
    text: reportText(report).text,
  };
}

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
export function corpusOverDatabase(
  path: string,
  docs: readonly NewCorpusDocument[] = [],
  now = new Date(),
): CopyCorpus {
  const db = openDatabase(path);
  const store = corpusStore(db);
  if (docs.length > 0) store.addDocuments(docs, now);
  return {
    size: store.documentCount(),
    search: (report) => store.findPassages(reportText(report).text, { excludeAgency: report.unit.name }),
    close: () => db.close(),
  };
}

/**
 * Opens the corpus `ziping check --corpus PATH` names: a corpus database (.db/.sqlite, as `ziping
 * corpus add` writes it), or report files or a folder of them, indexed in memory for this run.
 * Without `--corpus`, the deployment's database is used when it exists and holds documents; null
 * means there is nothing to compare with.
 */
export async function openCopyCorpus(
  spec: string | undefined,
  deploymentDb: string,
  now: Date,
): Promise<Result<CopyCorpus | null>> {
  if (spec === undefined) {
    if (!existsSync(deploymentDb)) return ok(null);
    const corpus = corpusOverDatabase(deploymentDb);
    if (corpus.size > 0) return ok(corpus);
    corpus.close();
    return ok(null);
  }
  if (!existsSync(spec))
    return fail(
      "corpus.not_found",
      `找不到语料库 ${spec}。--corpus 应为语料库文件（.db）、报告文件或存放报告的文件夹，例如 --corpus fixtures/seeds`,
    );
  if (DATABASE_FILE.test(spec)) return ok(corpusOverDatabase(spec));
  const docs = await corpusDocumentsFromFiles([spec]);
  if (!docs.ok) return docs;
  return ok(corpusOverDatabase(":memory:", docs.value, now));
}

/** Report files named directly or found in a folder (not recursive), in name order; a missing path fails. */
export function reportFilesIn(paths: readonly string[]): Result<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path))
      return fail(
        "file.not_found",
        `找不到文件 ${path}。请检查路径；也可以给出存放报告的文件夹，例如 fixtures/seeds`,
      );
    if (!statSync(path).isDirectory()) files.push(path);
    else
      files.push(
        ...readdirSync(path)
          .filter((name) => REPORT_FILE.test(name))
          .sort()
          .map((name) => join(path, name)),
      );
  }
  return ok(files);
}

/**
 * Reads report files into corpus documents, every report of every file, or fails naming the first
 * file that cannot be read or holds an incomplete report, so a corpus is never half-loaded.
 */
export async function corpusDocumentsFromFiles(
  paths: readonly string[],
): Promise<Result<NewCorpusDocument[]>> {
  const files = reportFilesIn(paths);
  if (!files.ok) return files;
  const docs: NewCorpusDocument[] = [];
  for (const file of files.value) {
    const loaded = await loadReports(file);
    if (!loaded.ok) return loaded;
    for (const entry of loaded.value) {
      if (!entry.report.ok) return entry.report;
      const title = extname(file) === ".json" ? file : `${file}（${entry.label}）`;
      docs.push(corpusDocument(entry.report.value, file, title));
    }
  }
  return ok(docs);
}
