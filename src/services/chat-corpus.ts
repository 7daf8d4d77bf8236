import type { Database } from "better-sqlite3";
import type { PassageMatch } from "../checks/copy/copy-search.ts";
import { reportText } from "../checks/report-text.ts";
import type { CopyHit } from "../conversation/copy-hits.ts";
import type { Json } from "../conversation/patch.ts";
import { type Report, ReportSchema } from "../core/report.ts";
import { corpusDocument, corpusStore } from "./copy-corpus.ts";

/** Messages shorter than this cannot hold a 50-character copied passage: not searched. */
const MIN_SEARCHED = 50;

/** The deployment's corpus as the chat uses it: search a message, add a generated report. */
export interface ChatCorpus {
  /** Passages of `text` found in reports of other agencies than `ownAgency`. */
  search(text: string, ownAgency: string | undefined): CopyHit[];
  /** Adds a generated report (when it is a complete report) so later reports are compared with it. */
  add(reportId: string, doc: Json, now: Date): void;
  /** Passages of a whole report found in other agencies' reports, for the checker. */
  passages(report: Report): PassageMatch[];
}

/** The chat's corpus over the deployment's database (the same connection as the store). */
export function chatCorpus(db: Database): ChatCorpus {
  const store = corpusStore(db);
  return {
    search(text, ownAgency) {
      if ([...text].length < MIN_SEARCHED || store.documentCount() === 0) return [];
      return store
        .findPassages(text, ownAgency === undefined ? {} : { excludeAgency: ownAgency })
        .map((m) => ({
          agency: m.source.agency,
          year: m.source.year,
          quote: m.queryQuote,
          sourceQuote: m.sourceQuote,
          length: m.length,
        }));
    },
    passages(report) {
      if (store.documentCount() === 0) return [];
      return store.findPassages(reportText(report).text, { excludeAgency: report.unit.name });
    },
    add(reportId, doc, now) {
      const report = ReportSchema.safeParse(doc);
      if (!report.success) return;
      const document = corpusDocument(report.data, `ziping:${reportId}`, `ziping 报告 ${reportId}`);
      if (document.text.trim() !== "") store.addDocument(document, now);
    },
  };
}
