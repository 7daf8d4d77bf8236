import { boilerplateMask, markedCount } from "./boilerplate-mask.ts";
import { normalizeText } from "./normalize-text.ts";
import { extendPassages, type Hit, type Passage } from "./passages.ts";
import { K, kgramHashes, winnow } from "./winnow.ts";

/** Where a fingerprint occurs in the corpus. */
export interface PrintRow {
  docId: number;
  /** Normalised index of the k-gram in that document. */
  pos: number;
}

/** A corpus document as the search needs it once it is a candidate. */
export interface SourceDocument {
  id: number;
  agency: string;
  year: number | null;
  title: string | null;
  text: string;
}

/** The corpus behind the search; `CorpusStore` provides it over SQLite, tests over arrays. */
export interface CorpusView {
  /** Documents in the corpus, for the document-frequency limit. */
  documentCount: number;
  /** Whether a k-gram hash belongs to the boilerplate list. */
  isBoilerplate(hash: number): boolean;
  /** Up to `limit` occurrences of a fingerprint hash (all of them for `Infinity`). */
  prints(hash: number, limit: number): PrintRow[];
  /** The agency of a document, or undefined for an unknown id (read before any text is). */
  agency(id: number): string | undefined;
  /** A document by id, or undefined. */
  document(id: number): SourceDocument | undefined;
}

/** A unit name shorter than this ("中心") says too little to tell two units apart by its end. */
const MIN_NAME = 6;

/** Tuning of {@link searchCopies}; every field has a default. */
export interface CopySearchOptions {
  /** Documents never reported (the query itself when it is in the corpus). */
  excludeDocIds?: readonly number[];
  /** The query's own unit: its other reports (last year's) are not copying. Compared normalised. */
  excludeAgency?: string;
  /** More names of the query's own unit (every name an officer's reports were saved under). */
  excludeAgencies?: readonly string[];
  /** Least passage length in original characters outside template wording (default 50). */
  minLength?: number;
  /**
   * A fingerprint in more documents than this is common wording; default
   * min(dfCap, max(dfFloor, dfShare × N)).
   */
  maxDocFrequency?: number;
  /** Default 5: in a small corpus, wording found in up to 5 reports may still be a copy. */
  dfFloor?: number;
  /** Default 0.05: wording in more than 1 report in 20 is a template, whoever wrote it first. */
  dfShare?: number;
  /**
   * Default 100: wording in more than 100 reports is a template at any corpus size, and a
   * fingerprint then never reads more than 101 rows however large the corpus grows (below 2,000
   * documents the share decides, as before).
   */
  dfCap?: number;
  /** Least fingerprint hits before a document's text is read (default 2; see `W` in winnow.ts). */
  minHits?: number;
  /** At most this many candidate documents, most hits first, are read (default 50). */
  maxCandidates?: number;
}

/** A passage of the query found in a corpus document, with the document it comes from. */
export interface PassageMatch extends Passage {
  source: { id: number; agency: string; year: number | null; title: string | null };
}

/** Marks `[pos, pos + K)` in the mask. */
function mark(mask: Uint8Array, pos: number): void {
  mask.fill(1, pos, Math.min(mask.length, pos + K));
}

/** The document frequency limit for a corpus of `n` documents: min(cap, max(floor, share × n)). */
export function docFrequencyLimit(n: number, options: CopySearchOptions = {}): number {
  if (options.maxDocFrequency !== undefined) return options.maxDocFrequency;
  const relative = Math.max(options.dfFloor ?? 5, Math.floor((options.dfShare ?? 0.05) * n));
  return Math.min(options.dfCap ?? 100, relative);
}

/**
 * The occurrences of `hash` when it is rare enough to count, else undefined. At most `limit + 1`
 * rows are read first, so a template phrase in thousands of reports costs one short read; only a
 * hash repeated inside a few documents needs the full list.
 */
function rareOccurrences(corpus: CorpusView, hash: number, limit: number): PrintRow[] | undefined {
  let rows = corpus.prints(hash, limit + 1);
  if (rows.length <= limit) return rows;
  if (new Set(rows.map((r) => r.docId)).size > limit) return undefined;
  rows = corpus.prints(hash, Number.POSITIVE_INFINITY);
  return new Set(rows.map((r) => r.docId)).size > limit ? undefined : rows;
}

/**
 * Copy detection for one report: its winnowed fingerprints are looked up in the corpus, skipping
 * those at least half boilerplate (a template k-gram, or one running into a filled-in slot such as
 * the year, which every report of that template and year shares) and hashes in more than the
 * document-frequency limit; documents with at least `minHits` hits are read and the shared
 * passages extended exactly (see `extendPassages`), with boilerplate and too-common wording not
 * counted towards a passage's length. Longest passages first.
 */
export function searchCopies(
  text: string,
  corpus: CorpusView,
  options: CopySearchOptions = {},
): PassageMatch[] {
  const norm = normalizeText(text);
  const hashes = kgramHashes(norm.text);
  const template = boilerplateMask(norm.text, (h) => corpus.isBoilerplate(h));
  const common = template.slice();
  const limit = docFrequencyLimit(corpus.documentCount, options);
  const excluded = new Set(options.excludeDocIds ?? []);
  const occurrences = new Map<number, PrintRow[] | undefined>();
  const hits = new Map<number, Hit[]>();
  for (const fp of winnow(hashes)) {
    if (markedCount(template, fp.pos, fp.pos + K) * 2 >= K) continue;
    if (!occurrences.has(fp.hash)) occurrences.set(fp.hash, rareOccurrences(corpus, fp.hash, limit));
    const rows = occurrences.get(fp.hash);
    if (rows === undefined) {
      mark(common, fp.pos);
      continue;
    }
    for (const r of rows) {
      if (excluded.has(r.docId)) continue;
      const list = hits.get(r.docId) ?? [];
      list.push({ queryPos: fp.pos, sourcePos: r.pos });
      hits.set(r.docId, list);
    }
  }
  const ownNames = [options.excludeAgency, ...(options.excludeAgencies ?? [])]
    .map((name) => normalizeText(name ?? "").text)
    .filter((name) => name !== "");
  // Names are written with or without the city ("金水区电子政务中心" / "郑州市金水区电子政务中心"):
  // one name ending with the other is the same unit.
  const isOwn = (id: number) => {
    if (ownNames.length === 0) return false;
    const other = normalizeText(corpus.agency(id) ?? "").text;
    return ownNames.some((own) => {
      const shorter = Math.min(other.length, own.length);
      return shorter >= MIN_NAME && (other.endsWith(own) || own.endsWith(other));
    });
  };
  const candidates = [...hits]
    .filter(([id, list]) => list.length >= (options.minHits ?? 2) && !isOwn(id))
    .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
    .slice(0, options.maxCandidates ?? 50);
  const query = { original: text, norm };
  const found: PassageMatch[] = [];
  for (const [id, list] of candidates) {
    const doc = corpus.document(id);
    if (doc === undefined) continue;
    const source = { original: doc.text, norm: normalizeText(doc.text) };
    const passageOptions = {
      common,
      ...(options.minLength === undefined ? {} : { minLength: options.minLength }),
    };
    for (const p of extendPassages(query, source, list, passageOptions)) {
      found.push({ ...p, source: { id: doc.id, agency: doc.agency, year: doc.year, title: doc.title } });
    }
  }
  return found.sort(
    (a, b) => b.length - a.length || a.queryStart - b.queryStart || a.source.id - b.source.id,
  );
}
