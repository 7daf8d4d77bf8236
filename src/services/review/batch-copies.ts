import { BOILERPLATE_TEXTS } from "../../checks/copy/boilerplate.ts";
import {
  type CorpusView,
  type PassageMatch,
  type PrintRow,
  searchCopies,
} from "../../checks/copy/copy-search.ts";
import { boilerplateHashes, documentPrints } from "../../checks/copy/corpus-prints.ts";
import type { Report } from "../../core/report.ts";
import type { CopyPair } from "./review-result.ts";

/** A report of the batch, as the copy search needs it. */
export interface BatchReport {
  path: string;
  label: string;
  /** null when the file does not say: such a report is compared as its own agency. */
  unit: string | null;
  year: number | null;
  kind: Report["kind"];
  /** The report's narrative, as the corpus holds it (see `reportText`). */
  text: string;
  /** Passages the check found in the --corpus documents. */
  corpusMatches: PassageMatch[];
}

type Side = CopyPair["passages"][number]["a"];

/** The agency a report is compared as: its unit, or one of its own when the unit was not read. */
function agencyOf(r: BatchReport): string {
  return r.unit ?? `（未读出单位：${r.path}）`;
}

/**
 * The passages shared between reports of different agencies in the batch, found with the corpus
 * check's winnowing search (`searchCopies`) over the batch's fingerprints (template wording and wording common
 * to many reports filtered the same way), plus the passages the check found in the --corpus, grouped
 * by pair of agencies. Each batch pair is searched from the report earlier in the batch.
 */
export function batchCopies(reports: readonly BatchReport[]): CopyPair[] {
  // A report with no narrative read has nothing to copy or be copied from.
  const indexed = reports.filter((r) => r.text.trim() !== "");
  const view = batchView(indexed);
  const pairs = new Map<string, CopyPair>();
  const seen = new Set<string>();
  const add = (a: Side, b: Side, length: number) => {
    const [first, second] = a.unit <= b.unit ? [a, b] : [b, a];
    const key = `${first.unit}\u0000${second.unit}`;
    const passageKey = `${key}\u0000${first.quote}\u0000${second.quote}`;
    if (seen.has(passageKey)) return;
    seen.add(passageKey);
    const pair = pairs.get(key) ?? { agencies: [first.unit, second.unit], passages: [] };
    pair.passages.push({ a: first, b: second, length });
    pairs.set(key, pair);
  };
  for (const [i, r] of indexed.entries()) {
    const matches = searchCopies(r.text, view, { excludeAgency: agencyOf(r), excludeDocIds: [i] });
    for (const m of matches) {
      const peer = indexed[m.source.id];
      // Each pair once, searched from the report earlier in the batch.
      if (peer === undefined || m.source.id < i) continue;
      add(side(r, m, "query", "batch"), side(peer, m, "source", "batch"), m.length);
    }
  }
  for (const r of reports)
    for (const m of r.corpusMatches) add(side(r, m, "query", "batch"), corpusSide(m), m.length);
  for (const pair of pairs.values()) pair.passages.sort((x, y) => y.length - x.length);
  const name = (p: CopyPair) => p.agencies.join("\u0000");
  return [...pairs.values()].sort(
    (x, y) => y.passages.length - x.passages.length || (name(x) < name(y) ? -1 : name(x) > name(y) ? 1 : 0),
  );
}

/**
 * The batch as the copy search reads a corpus: the same winnowed fingerprints and boilerplate list
 * the corpus database holds, kept in memory (document id = place in `reports`), so a batch of
 * thousands is searched without a database and a fingerprint's documents are a slice of an array.
 */
function batchView(reports: readonly BatchReport[]): CorpusView {
  const prints = new Map<number, PrintRow[]>();
  for (const [docId, r] of reports.entries())
    for (const fp of documentPrints(r.text)) {
      const rows = prints.get(fp.hash);
      if (rows === undefined) prints.set(fp.hash, [{ docId, pos: fp.pos }]);
      else rows.push({ docId, pos: fp.pos });
    }
  const boilerplate = boilerplateHashes(BOILERPLATE_TEXTS);
  return {
    documentCount: reports.length,
    isBoilerplate: (hash) => boilerplate.has(hash),
    prints: (hash, limit) => {
      const rows = prints.get(hash) ?? [];
      return Number.isFinite(limit) ? rows.slice(0, limit) : rows;
    },
    agency: (id) => {
      const r = reports[id];
      return r === undefined ? undefined : agencyOf(r);
    },
    document: (id) => {
      const r = reports[id];
      return r === undefined
        ? undefined
        : { id, agency: agencyOf(r), year: r.year, title: `${r.path}（${r.label}）`, text: r.text };
    },
  };
}

/** The query's or the source's side of a match, as a report of the batch. */
function side(r: BatchReport, m: PassageMatch, which: "query" | "source", origin: "batch"): Side {
  const q = which === "query";
  return {
    path: r.path,
    label: r.label,
    unit: agencyOf(r),
    year: r.year,
    quote: q ? m.queryQuote : m.sourceQuote,
    start: q ? m.queryStart : m.sourceStart,
    end: q ? m.queryEnd : m.sourceEnd,
    origin,
  };
}

/** The source's side of a match found in the --corpus. */
function corpusSide(m: PassageMatch): Side {
  return {
    path: m.source.title ?? `语料库第 ${m.source.id} 篇`,
    label: "",
    unit: m.source.agency,
    year: m.source.year,
    quote: m.sourceQuote,
    start: m.sourceStart,
    end: m.sourceEnd,
    origin: "corpus",
  };
}
