import { createHash } from "node:crypto";
import type { Database, Statement } from "better-sqlite3";
import { z } from "zod";
import {
  type CopySearchOptions,
  type CorpusView,
  type PassageMatch,
  type PrintRow,
  searchCopies,
} from "../checks/copy/copy-search.ts";
import { boilerplateHashes, documentPrints } from "../checks/copy/corpus-prints.ts";
import { describeIssues } from "../core/validation.ts";
import { readRow } from "./read-row.ts";
import type { CorpusRepository } from "./repositories.ts";
import { SqliteSession } from "./sqlite-session.ts";
import { StorageError } from "./storage-error.ts";

/** A report (or any text) to add to the copy-detection corpus. */
export interface NewCorpusDocument {
  /** The unit that wrote it (单位名称): its own reports are never reported as copies. */
  agency: string;
  year?: number;
  title?: string;
  /** Where it came from: a file name or URL. */
  source?: string;
  /** "department", "project", … */
  kind?: string;
  text: string;
}

/** A corpus document as listed, without its text. */
export interface CorpusDocumentInfo {
  id: number;
  agency: string;
  year: number | null;
  title: string | null;
  source: string | null;
  kind: string | null;
  /** Length of the text in Unicode characters (as SQLite counts them). */
  chars: number;
  addedAt: string;
}

/** Options of {@link CorpusStore.findPassages}: those of `searchCopies`. */
export type FindPassagesOptions = CopySearchOptions;

const NewDocumentSchema = z.object({
  agency: z.string().trim().min(1, "缺少单位名称"),
  year: z.number().int().min(1900).max(2200).optional(),
  title: z.string().optional(),
  source: z.string().optional(),
  kind: z.string().optional(),
  text: z.string().refine((t) => t.trim() !== "", "正文为空"),
});

const nullableText = z.string().nullable();
const DocumentInfoRowSchema = z
  .object({
    id: z.number().int(),
    agency: z.string(),
    year: z.number().int().nullable(),
    title: nullableText,
    source: nullableText,
    kind: nullableText,
    chars: z.number().int().min(0),
    added_at: z.string(),
  })
  .transform(({ added_at, ...r }): CorpusDocumentInfo => ({ ...r, addedAt: added_at }));
const SourceRowSchema = z.object({
  id: z.number().int(),
  agency: z.string(),
  year: z.number().int().nullable(),
  title: nullableText,
  text: z.string(),
});

/** One fingerprint row to insert: hash, document, position. */
type PrintInsert = [number, number, number];

/**
 * The copy-detection corpus in SQLite (migration 2): documents with their winnowed fingerprints,
 * and the boilerplate hashes that never count. Adding is transactional and idempotent by content
 * hash; the search itself is the pure `searchCopies`, fed from prepared statements. Print rows on
 * the hot path are read raw and checked to be integers rather than parsed with zod (a query reads
 * thousands); document rows are validated with zod like every other row.
 */
export class CorpusStore implements CorpusRepository {
  readonly #db: Database;
  readonly #s: SqliteSession;
  readonly #byHash: Statement<[string]>;
  readonly #insertDoc: Statement<unknown[]>;
  readonly #insertPrint: Statement<PrintInsert>;
  readonly #prints: Statement<[number, number]>;
  readonly #document: Statement<[number]>;
  readonly #agency: Statement<[number]>;
  readonly #bySource: Statement<[string]>;
  readonly #list: Statement<[]>;
  readonly #count: Statement<[]>;
  readonly #boilerplate: Statement<[]>;
  readonly #clearBoilerplate: Statement<[]>;
  readonly #insertBoilerplate: Statement<[number]>;

  /** Takes a connection from `openDatabase` (migrated to version 2 or later). */
  constructor(db: Database) {
    this.#db = db;
    this.#s = SqliteSession.of(db);
    this.#byHash = db.prepare("SELECT id FROM corpus_documents WHERE content_hash = ?").pluck();
    this.#insertDoc = db.prepare(`
      INSERT INTO corpus_documents (agency, year, title, source, kind, content_hash, text, added_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#insertPrint = db.prepare("INSERT INTO corpus_prints (hash, doc_id, pos) VALUES (?, ?, ?)");
    this.#prints = db.prepare("SELECT doc_id, pos FROM corpus_prints WHERE hash = ? LIMIT ?").raw();
    this.#document = db.prepare("SELECT id, agency, year, title, text FROM corpus_documents WHERE id = ?");
    this.#agency = db.prepare("SELECT agency FROM corpus_documents WHERE id = ?").pluck();
    this.#bySource = db.prepare("SELECT id FROM corpus_documents WHERE source = ? ORDER BY id").pluck();
    this.#list = db.prepare(`
      SELECT id, agency, year, title, source, kind, length(text) AS chars, added_at
      FROM corpus_documents ORDER BY id`);
    this.#count = db.prepare("SELECT count(*) FROM corpus_documents").pluck();
    this.#boilerplate = db.prepare("SELECT hash FROM corpus_boilerplate").pluck();
    this.#clearBoilerplate = db.prepare("DELETE FROM corpus_boilerplate");
    this.#insertBoilerplate = db.prepare("INSERT INTO corpus_boilerplate (hash) VALUES (?)");
  }

  /**
   * Adds a document and its fingerprints in one transaction. The same text again (by SHA-256) is
   * not added twice: `added` is false and `id` is the stored copy's. Throws a {@link StorageError}
   * "storage.bad_document" for a document without agency or text, writing nothing.
   */
  async addDocument(doc: NewCorpusDocument, now: Date): Promise<{ id: number; added: boolean }> {
    const [result] = await this.addDocuments([doc], now);
    if (result === undefined) throw new Error("addDocuments returned nothing for one document");
    return result;
  }

  /**
   * Adds several documents in ONE transaction: if any is refused, none is added. The fingerprints
   * of the whole batch are inserted in hash order, so the index is written page by page rather
   * than at random, and the batch pays for one commit: on a file database 2,000 synthetic reports
   * took 14 s in calls of 500 and 70 s one by one.
   */
  async addDocuments(
    docs: readonly NewCorpusDocument[],
    now: Date,
  ): Promise<{ id: number; added: boolean }[]> {
    const valid = docs.map((doc, i) => validDocument(doc, i));
    return this.#s.run(() =>
      this.#db
        .transaction(() => {
          const prints: PrintInsert[] = [];
          const results = valid.map((d) => {
            const contentHash = createHash("sha256").update(d.text).digest("hex");
            const existing = this.#byHash.get(contentHash);
            if (typeof existing === "number") return { id: existing, added: false };
            const { lastInsertRowid } = this.#insertDoc.run(
              d.agency,
              d.year ?? null,
              d.title ?? null,
              d.source ?? null,
              d.kind ?? null,
              contentHash,
              d.text,
              now.toISOString(),
            );
            const id = Number(lastInsertRowid);
            for (const fp of documentPrints(d.text)) prints.push([fp.hash, id, fp.pos]);
            return { id, added: true };
          });
          prints.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
          for (const p of prints) this.#insertPrint.run(...p);
          return results;
        })
        .immediate(),
    );
  }

  /** Replaces the boilerplate list (see `BOILERPLATE_TEXTS`) with the k-gram hashes of `texts`. */
  setBoilerplate(texts: readonly string[]): void {
    this.#db
      .transaction(() => {
        this.#clearBoilerplate.run();
        for (const h of boilerplateHashes(texts)) this.#insertBoilerplate.run(h);
      })
      .immediate();
  }

  /** Every document, oldest first, without its text. */
  listDocuments(): Promise<CorpusDocumentInfo[]> {
    return this.#s.run(() =>
      this.#list
        .all()
        .map((row, i) => readRow(DocumentInfoRowSchema, row, "corpus_documents", `第 ${i + 1} 行`)),
    );
  }

  /** The ids of the documents added from `sources` ("ziping:r1", a file name), in id order. */
  documentIdsBySource(sources: readonly string[]): Promise<number[]> {
    return this.#s.run(() =>
      sources.flatMap((source) => this.#bySource.all(source).map((id) => integer(id, "corpus_documents"))),
    );
  }

  /** How many documents the corpus holds. */
  documentCount(): Promise<number> {
    return this.#s.run(() => this.#countNow());
  }

  #countNow(): number {
    return Number(this.#count.get());
  }

  /**
   * The passages of `text` found in corpus documents, longest first (see `searchCopies` for the
   * options and their defaults). Reads a consistent snapshot: the search runs in one read
   * transaction, so a writer in another process cannot change the corpus half-way.
   */
  findPassages(text: string, options: FindPassagesOptions = {}): Promise<PassageMatch[]> {
    return this.#s.run(() => this.searchNow(text, options));
  }

  /**
   * {@link findPassages} answered at once, for `ziping check --corpus` whose checker asks
   * synchronously: its corpus has a connection of its own, so nothing else can be in a transaction.
   */
  searchNow(text: string, options: FindPassagesOptions = {}): PassageMatch[] {
    return this.#db.transaction(() => searchCopies(text, this.#view(), options)).deferred();
  }

  /** The corpus as the search reads it. */
  #view(): CorpusView {
    const boilerplate = new Set(this.#boilerplate.all().map((h) => integer(h, "corpus_boilerplate")));
    return {
      documentCount: this.#countNow(),
      isBoilerplate: (hash) => boilerplate.has(hash),
      prints: (hash, limit) =>
        (this.#prints.all(hash, Number.isFinite(limit) ? limit : -1) as unknown[][]).map(
          ([docId, pos]): PrintRow => ({
            docId: integer(docId, "corpus_prints"),
            pos: integer(pos, "corpus_prints"),
          }),
        ),
      agency: (id) => {
        const agency = this.#agency.get(id);
        return typeof agency === "string" ? agency : undefined;
      },
      document: (id) => {
        const row = this.#document.get(id);
        return row === undefined
          ? undefined
          : readRow(SourceRowSchema, row, "corpus_documents", `id = ${id}`);
      },
    };
  }
}

/** A document to add, checked; a bad one is a caller's bug and throws (PostgreSQL checks the same). */
export function validDocument(doc: NewCorpusDocument, index: number): z.output<typeof NewDocumentSchema> {
  const parsed = NewDocumentSchema.safeParse(doc);
  if (parsed.success) return parsed.data;
  const lines = describeIssues(parsed.error.issues).map((l) => `  - ${l}`);
  throw new StorageError("storage.bad_document", `语料第 ${index + 1} 篇文档不能加入：\n${lines.join("\n")}`);
}

/** A column that must hold an integer; anything else is a broken database. */
function integer(value: unknown, table: string): number {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  throw new StorageError("storage.corrupt_row", `数据库表 ${table} 中有非整数的值：${String(value)}`);
}
