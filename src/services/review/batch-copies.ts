import { BOILERPLATE_TEXTS } from "../../checks/copy/boilerplate.ts";
import type { PassageMatch } from "../../checks/copy/copy-search.ts";
import type { Report } from "../../core/report.ts";
import { CorpusStore } from "../../storage/corpus-store.ts";
import { openDatabase } from "../../storage/open-database.ts";
import { corpusDocument } from "../copy-corpus.ts";
import type { CopyPair } from "./review-result.ts";

/** A report of the batch, as the copy search needs it. */
export interface BatchReport {
  path: string;
  label: string;
  /** null when the file does not say: such a report is compared as its own agency. */
  unit: string | null;
  year: number | null;
  report: Report;
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
 * check's winnowing search over an in-memory index of the batch (template wording and wording common
 * to many reports filtered the same way), plus the passages the check found in the --corpus, grouped
 * by pair of agencies. Each batch pair is searched from the report earlier in the batch.
 */
export function batchCopies(reports: readonly BatchReport[], now: Date): CopyPair[] {
  const db = openDatabase(":memory:");
  try {
    const store = new CorpusStore(db);
    store.setBoilerplate(BOILERPLATE_TEXTS);
    // A report with no narrative read has nothing to copy or be copied from (and the store refuses it).
    const indexed = reports
      .map((r) => ({
        r,
        doc: { ...corpusDocument(r.report, r.path, `${r.path}（${r.label}）`), agency: agencyOf(r) },
      }))
      .filter((d) => d.doc.text.trim() !== "");
    const ids = store.addDocuments(
      indexed.map((d) => d.doc),
      now,
    );
    const byId = new Map<number, number>();
    for (const [i, a] of ids.entries()) if (!byId.has(a.id)) byId.set(a.id, i);
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
    for (const [i, { r, doc }] of indexed.entries()) {
      const own = ids[i]?.id;
      const matches = store.findPassages(doc.text, {
        excludeAgency: agencyOf(r),
        ...(own === undefined ? {} : { excludeDocIds: [own] }),
      });
      for (const m of matches) {
        const j = byId.get(m.source.id);
        const peer = j === undefined ? undefined : indexed[j];
        if (j === undefined || peer === undefined || j < i) continue;
        add(side(r, m, "query", "batch"), side(peer.r, m, "source", "batch"), m.length);
      }
    }
    for (const r of reports)
      for (const m of r.corpusMatches) add(side(r, m, "query", "batch"), corpusSide(m), m.length);
    for (const pair of pairs.values()) pair.passages.sort((x, y) => y.length - x.length);
    return [...pairs.values()].sort(
      (x, y) =>
        y.passages.length - x.passages.length ||
        (x.agencies.join() < y.agencies.join() ? -1 : x.agencies.join() > y.agencies.join() ? 1 : 0),
    );
  } finally {
    db.close();
  }
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
