import { type NormalizedText, originalSpan } from "./normalize-text.ts";
import { K } from "./winnow.ts";

/** A fingerprint shared by the query and one source document: where each has the k-gram. */
export interface Hit {
  /** Normalised index of the k-gram in the query. */
  queryPos: number;
  /** Normalised index of the k-gram in the source. */
  sourcePos: number;
}

/** One document as the passage finder reads it: the original text and its normalised form. */
export interface TextSide {
  original: string;
  norm: NormalizedText;
}

/** A passage the query shares with a source, in ORIGINAL offsets (end exclusive). */
export interface Passage {
  queryStart: number;
  queryEnd: number;
  sourceStart: number;
  sourceEnd: number;
  /** The query's passage as written (whitespace runs shown as one space), at most 120 characters. */
  queryQuote: string;
  /** The source's passage as written, at most 120 characters. */
  sourceQuote: string;
  /** `queryEnd − queryStart`: original characters of the query the passage spans. */
  length: number;
}

/** What counts as a passage. */
export interface PassageOptions {
  /**
   * Least ORIGINAL characters (default 50) of the query passage outside `common`, mapped back
   * through the offsets: punctuation between copied characters counts, since a reader counts it in a
   * quote; whitespace (layout) and template wording do not.
   */
  minLength?: number;
  /** 1 for each normalised query character that is template or common wording (never copying). */
  common?: Uint8Array;
  /**
   * Least normalised characters (default K = 12) of a stretch between common wording that counts:
   * a shorter one is a filled-in slot of a template (a year, a figure, a short name) and is no more
   * evidence of copying than the template around it.
   */
  minIsland?: number;
  /**
   * Largest gap (normalised characters, default 8) between two exact matches that are joined into
   * one passage: a changed year, figure or unit name inside a copied paragraph.
   */
  maxGap?: number;
}

/** Default least length of a reported passage, in original characters. */
const MIN_PASSAGE_LENGTH = 50;
const QUOTE_MAX = 120;

interface Run {
  q0: number;
  q1: number;
  s0: number;
  s1: number;
}

/**
 * Exact maximal common substrings through the hits: hits are grouped by diagonal (source − query
 * position) and each is extended character by character both ways until the texts differ; a hit
 * inside a run already extended on its diagonal adds nothing. A hash collision extends to nothing.
 */
function exactRuns(q: string, s: string, hits: readonly Hit[]): Run[] {
  const sorted = [...hits].sort(
    (a, b) => a.sourcePos - a.queryPos - (b.sourcePos - b.queryPos) || a.queryPos - b.queryPos,
  );
  const runs: Run[] = [];
  let diagonal = Number.NaN;
  let end = -1;
  for (const h of sorted) {
    const d = h.sourcePos - h.queryPos;
    if (d !== diagonal) {
      diagonal = d;
      end = -1;
    }
    if (h.queryPos < end) continue;
    let q0 = h.queryPos;
    let s0 = h.sourcePos;
    let q1 = q0;
    let s1 = s0;
    while (q1 < q.length && s1 < s.length && q.charCodeAt(q1) === s.charCodeAt(s1)) {
      q1++;
      s1++;
    }
    if (q1 === q0) continue;
    while (q0 > 0 && s0 > 0 && q.charCodeAt(q0 - 1) === s.charCodeAt(s0 - 1)) {
      q0--;
      s0--;
    }
    end = q1;
    runs.push({ q0, q1, s0, s1 });
  }
  return runs;
}

/** Joins runs that follow each other in both texts with at most `maxGap` characters between. */
function joinRuns(runs: Run[], maxGap: number): Run[] {
  const joined: Run[] = [];
  for (const r of [...runs].sort((a, b) => a.q0 - b.q0 || a.s0 - b.s0)) {
    const into = joined.findLast((j) => {
      const qGap = r.q0 - j.q1;
      const sGap = r.s0 - j.s1;
      return Math.abs(qGap) <= maxGap && Math.abs(sGap) <= maxGap && r.q1 > j.q1 && r.s1 > j.s1;
    });
    if (into === undefined) {
      joined.push({ ...r });
    } else {
      into.q1 = r.q1;
      into.s0 = Math.min(into.s0, r.s0);
      into.s1 = r.s1;
    }
  }
  return joined;
}

/** Characters of `text[start, end)` that are not whitespace. */
function visibleLength(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3000 || c === 0xa0)) n++;
  }
  return n;
}

/**
 * Original characters of the query run outside the common mask, counted over stretches of at
 * least `minIsland` normalised characters, whitespace not counted (line breaks, table tabs and the
 * spaces PDF extraction puts around figures are layout, not text).
 */
function ownLength(query: TextSide, run: Run, common: Uint8Array | undefined, minIsland: number): number {
  let total = 0;
  let from = -1;
  for (let i = run.q0; i <= run.q1; i++) {
    const own = i < run.q1 && common?.[i] !== 1;
    if (own && from < 0) from = i;
    if (!own && from >= 0) {
      const [a, b] = originalSpan(query.norm, from, i);
      if (i - from >= minIsland) total += visibleLength(query.original, a, b);
      from = -1;
    }
  }
  return total;
}

/**
 * A passage as shown to a reviewer: whitespace runs (line breaks and table tabs) become one space;
 * longer than 120 characters, the start and the end are kept around "…".
 */
export function displayQuote(text: string, max: number = QUOTE_MAX): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const head = Math.ceil((max - 1) / 2);
  return `${flat.slice(0, head)}…${flat.slice(flat.length - (max - 1 - head))}`;
}

/**
 * The passages `query` shares with `source` around the fingerprint `hits`: exact runs extended
 * from the hits, joined across small edits, kept when at least `minLength` original characters lie
 * outside `common` (in stretches of at least `minIsland`), then overlaps resolved (of two passages
 * covering mostly the same query text the longer stays). Longest first.
 */
export function extendPassages(
  query: TextSide,
  source: TextSide,
  hits: readonly Hit[],
  options: PassageOptions = {},
): Passage[] {
  const minLength = options.minLength ?? MIN_PASSAGE_LENGTH;
  const runs = joinRuns(exactRuns(query.norm.text, source.norm.text, hits), options.maxGap ?? 8);
  const passages = runs
    .filter((r) => ownLength(query, r, options.common, options.minIsland ?? K) >= minLength)
    .map((r): Passage => {
      const [queryStart, queryEnd] = originalSpan(query.norm, r.q0, r.q1);
      const [sourceStart, sourceEnd] = originalSpan(source.norm, r.s0, r.s1);
      return {
        queryStart,
        queryEnd,
        sourceStart,
        sourceEnd,
        queryQuote: displayQuote(query.original.slice(queryStart, queryEnd)),
        sourceQuote: displayQuote(source.original.slice(sourceStart, sourceEnd)),
        length: queryEnd - queryStart,
      };
    })
    .sort((a, b) => b.length - a.length || a.queryStart - b.queryStart);
  const kept: Passage[] = [];
  for (const p of passages) {
    const overlap = (k: Passage) => Math.min(p.queryEnd, k.queryEnd) - Math.max(p.queryStart, k.queryStart);
    if (kept.every((k) => overlap(k) * 2 <= p.length)) kept.push(p);
  }
  return kept;
}
