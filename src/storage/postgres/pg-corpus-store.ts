import { createHash } from "node:crypto";
import { z } from "zod";
import type { PassageMatch } from "../../checks/copy/copy-search.ts";
import { boilerplateHashes, documentPrints } from "../../checks/copy/corpus-prints.ts";
import {
  type CorpusDocumentInfo,
  type FindPassagesOptions,
  type NewCorpusDocument,
  validDocument,
} from "../corpus-store.ts";
import { readRow } from "../read-row.ts";
import type { CorpusRepository } from "../repositories.ts";
import { integerCopyText } from "./copy-text.ts";
import { searchPostgres } from "./pg-corpus-search.ts";
import { LOCK, plainRow } from "./pg-rows.ts";
import type { PgSession } from "./pg-session.ts";

const DocumentInfoRowSchema = z
  .object({
    id: z.number().int(),
    agency: z.string(),
    year: z.number().int().nullable(),
    title: z.string().nullable(),
    source: z.string().nullable(),
    kind: z.string().nullable(),
    chars: z.number().int().min(0),
    added_at: z.string(),
  })
  .transform(({ added_at, ...r }): CorpusDocumentInfo => ({ ...r, addedAt: added_at }));
const IdRowSchema = z.object({ id: z.number().int() });
/** Fingerprint rows are loaded by COPY (text format: integers only) in the adding transaction. */
export const COPY_PRINTS = "COPY corpus_prints (hash, doc_id, pos) FROM STDIN";

const CountRowSchema = z.object({ n: z.number().int().min(0) });

/**
 * Sets the stored document count (corpus_stats, PostgreSQL migration 6) from the table itself: after rows were copied or
 * removed in bulk (ziping migrate), inside the same transaction.
 */
export const RECOUNT_DOCUMENTS =
  "UPDATE corpus_stats SET documents = (SELECT count(*) FROM corpus_documents)";

/**
 * The copy-detection corpus on PostgreSQL: documents, a plain (hash, document, position) table
 * keyed for lookup by hash, and the boilerplate hashes. Adding is one transaction, idempotent by
 * content hash also between instances adding the same text at once (ON CONFLICT). Fingerprints are
 * sent by COPY, in hash order, on the transaction's client.
 */
export class PgCorpusStore implements CorpusRepository {
  #boilerplate: Set<number> | undefined;

  constructor(private readonly s: PgSession) {}

  /** Adds one document (see addDocuments); the same text again is not added twice. */
  async addDocument(doc: NewCorpusDocument, now: Date): Promise<{ id: number; added: boolean }> {
    const [result] = await this.addDocuments([doc], now);
    if (result === undefined) throw new Error("addDocuments returned nothing for one document");
    return result;
  }

  /** Adds several documents in one transaction: if any is refused, none is added. */
  async addDocuments(
    docs: readonly NewCorpusDocument[],
    now: Date,
  ): Promise<{ id: number; added: boolean }[]> {
    const valid = docs.map((doc, i) => validDocument(doc, i));
    return this.s.transaction(async () => {
      const results: { id: number; added: boolean }[] = [];
      const prints: [number, number, number][] = [];
      for (const d of valid) {
        const contentHash = createHash("sha256").update(d.text).digest("hex");
        const [inserted] = await this.s.query(
          `INSERT INTO corpus_documents (agency, year, title, source, kind, content_hash, text, added_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (content_hash) DO NOTHING RETURNING id`,
          [
            d.agency,
            d.year ?? null,
            d.title ?? null,
            d.source ?? null,
            d.kind ?? null,
            contentHash,
            d.text,
            now.toISOString(),
          ],
        );
        if (inserted === undefined) {
          const [existing] = await this.s.query("SELECT id FROM corpus_documents WHERE content_hash = $1", [
            contentHash,
          ]);
          results.push({
            id: readRow(IdRowSchema, existing, "corpus_documents", contentHash).id,
            added: false,
          });
          continue;
        }
        const id = readRow(IdRowSchema, inserted, "corpus_documents", contentHash).id;
        for (const fp of documentPrints(d.text)) prints.push([fp.hash, id, fp.pos]);
        results.push({ id, added: true });
      }
      // Last, so that two instances adding at once take the counter's row lock after their inserts.
      const added = results.filter((r) => r.added).length;
      if (added > 0) await this.s.query("UPDATE corpus_stats SET documents = documents + $1", [added]);
      prints.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
      if (prints.length > 0) await this.s.copyIn(COPY_PRINTS, integerCopyText(prints, "corpus_prints"));
      return results;
    });
  }

  /** Replaces the boilerplate list with the k-gram hashes of `texts` (one instance at a time). */
  async setBoilerplate(texts: readonly string[]): Promise<void> {
    const hashes = [...boilerplateHashes(texts)];
    await this.s.transaction(async () => {
      await this.s.query("SELECT pg_advisory_xact_lock($1, 0)", [LOCK.boilerplate]);
      await this.s.query("DELETE FROM corpus_boilerplate");
      await this.s.query("INSERT INTO corpus_boilerplate (hash) SELECT DISTINCT unnest($1::int[])", [hashes]);
    });
    this.#boilerplate = new Set(hashes);
  }

  /** Every document, oldest first, without its text. */
  async listDocuments(): Promise<CorpusDocumentInfo[]> {
    const rows = await this.s.query(
      `SELECT id, agency, year, title, source, kind, char_length(text) AS chars, added_at
       FROM corpus_documents ORDER BY id`,
    );
    return rows.map((row, i) =>
      readRow(DocumentInfoRowSchema, plainRow(row), "corpus_documents", `第 ${i + 1} 行`),
    );
  }

  /** The ids of the documents added from `sources`, in id order per source. */
  async documentIdsBySource(sources: readonly string[]): Promise<number[]> {
    if (sources.length === 0) return [];
    const rows = await this.s.query(
      `SELECT d.id FROM unnest($1::text[]) WITH ORDINALITY AS s(source, n)
       JOIN corpus_documents d ON d.source = s.source ORDER BY s.n, d.id`,
      [sources],
    );
    return rows.map((row) => readRow(IdRowSchema, row, "corpus_documents", "source").id);
  }

  /** How many documents the corpus holds: the stored count, not a count(*) of the table. */
  async documentCount(): Promise<number> {
    const [row] = await this.s.query("SELECT documents::int AS n FROM corpus_stats");
    return readRow(CountRowSchema, row, "corpus_stats", "documents").n;
  }

  /** The passages of `text` found in corpus documents, longest first (see searchPostgres). */
  async findPassages(text: string, options: FindPassagesOptions = {}): Promise<PassageMatch[]> {
    return this.s.snapshot(async () => {
      const view = { documentCount: await this.documentCount(), boilerplate: await this.#boilerplateSet() };
      return searchPostgres(this.s, text, view, options);
    });
  }

  /** The boilerplate hashes, read once (they change only with setBoilerplate, at start-up). */
  async #boilerplateSet(): Promise<Set<number>> {
    if (this.#boilerplate === undefined) {
      const rows = await this.s.query<{ hash: number }>("SELECT hash FROM corpus_boilerplate");
      this.#boilerplate = new Set(rows.map((r) => r.hash));
    }
    return this.#boilerplate;
  }
}
