import { z } from "zod";
import {
  type CopySearchOptions,
  type CorpusView,
  docFrequencyLimit,
  type PassageMatch,
  type PrintRow,
  type SourceDocument,
  searchCopies,
} from "../../checks/copy/copy-search.ts";
import { documentPrints } from "../../checks/copy/corpus-prints.ts";
import { readRow } from "../read-row.ts";
import type { PgSession } from "./pg-session.ts";

/** What the search asked for that was not fetched yet. */
interface Needs {
  all: Set<number>;
  agencies: Set<number>;
  documents: Set<number>;
}

/** Passes of the search at most: each fetches what the previous one found missing (3 suffice). */
const MAX_PASSES = 6;

/**
 * `searchCopies` over PostgreSQL. The search reads its corpus synchronously, so what it reads is
 * fetched first in a few batched queries: the first `limit + 1` occurrences of every fingerprint of
 * the query (one query over all of them), then, pass by pass, whatever the search asked for and did
 * not find (every occurrence of a hash repeated inside few documents, the agencies of documents
 * hit, the texts of candidates). The pure search is run again with each batch; a pass that misses
 * nothing is the answer, the same as SQLite's.
 */
export async function searchPostgres(
  s: PgSession,
  text: string,
  view: { documentCount: number; boilerplate: ReadonlySet<number> },
  options: CopySearchOptions,
): Promise<PassageMatch[]> {
  const limit = docFrequencyLimit(view.documentCount, options);
  const hashes = [...new Set(documentPrints(text).map((fp) => fp.hash))];
  const first = await occurrences(s, hashes, limit + 1);
  const all = new Map<number, PrintRow[]>();
  const agencies = new Map<number, string | undefined>();
  const documents = new Map<number, SourceDocument | undefined>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const needs: Needs = { all: new Set(), agencies: new Set(), documents: new Set() };
    const corpus: CorpusView = {
      documentCount: view.documentCount,
      isBoilerplate: (hash) => view.boilerplate.has(hash),
      prints: (hash, n) => {
        if (Number.isFinite(n)) return (first.get(hash) ?? []).slice(0, n);
        const rows = all.get(hash);
        if (rows !== undefined) return rows;
        needs.all.add(hash);
        return first.get(hash) ?? [];
      },
      agency: (id) => {
        if (!agencies.has(id)) needs.agencies.add(id);
        return agencies.get(id);
      },
      document: (id) => {
        if (!documents.has(id)) needs.documents.add(id);
        return documents.get(id);
      },
    };
    const found = searchCopies(text, corpus, options);
    if (needs.all.size + needs.agencies.size + needs.documents.size === 0) return found;
    for (const [hash, rows] of await occurrences(s, [...needs.all], null)) all.set(hash, rows);
    for (const id of needs.agencies) agencies.set(id, undefined);
    for (const [id, agency] of await agenciesOf(s, [...needs.agencies])) agencies.set(id, agency);
    for (const id of needs.documents) documents.set(id, undefined);
    for (const d of await sourceDocuments(s, [...needs.documents])) documents.set(d.id, d);
  }
  throw new Error(`copy search on PostgreSQL still missing rows after ${MAX_PASSES} passes`);
}

/** The occurrences of each hash in key order, at most `perHash` each (all of them for null). */
async function occurrences(
  s: PgSession,
  hashes: readonly number[],
  perHash: number | null,
): Promise<Map<number, PrintRow[]>> {
  const out = new Map<number, PrintRow[]>();
  if (hashes.length === 0) return out;
  const rows = await s.query<{ hash: number; doc_id: number; pos: number }>(
    `SELECT h.hash, p.doc_id, p.pos FROM unnest($1::int[]) AS h(hash)
     CROSS JOIN LATERAL (SELECT doc_id, pos FROM corpus_prints c WHERE c.hash = h.hash
       ORDER BY doc_id, pos LIMIT $2) p`,
    [hashes, perHash],
  );
  for (const r of rows) {
    const list = out.get(r.hash) ?? [];
    list.push({ docId: r.doc_id, pos: r.pos });
    out.set(r.hash, list);
  }
  for (const h of hashes) if (!out.has(h)) out.set(h, []);
  return out;
}

/** The agency of each of `ids` that exists. */
async function agenciesOf(s: PgSession, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await s.query("SELECT id, agency FROM corpus_documents WHERE id = ANY($1::int[])", [ids]);
  return new Map(
    rows.map((row) => {
      const r = readRow(AgencyRowSchema, row, "corpus_documents", `id = ${String(row.id)}`);
      return [r.id, r.agency];
    }),
  );
}

/** Corpus documents by id, with their text (validated like SQLite's rows). */
async function sourceDocuments(s: PgSession, ids: readonly number[]): Promise<SourceDocument[]> {
  if (ids.length === 0) return [];
  const rows = await s.query(
    "SELECT id, agency, year, title, text FROM corpus_documents WHERE id = ANY($1::int[])",
    [ids],
  );
  return rows.map((row) => readRow(SourceDocumentSchema, row, "corpus_documents", `id = ${String(row.id)}`));
}

const AgencyRowSchema = z.object({ id: z.number().int(), agency: z.string() });
const SourceDocumentSchema = z.object({
  id: z.number().int(),
  agency: z.string(),
  year: z.number().int().nullable(),
  title: z.string().nullable(),
  text: z.string(),
});
