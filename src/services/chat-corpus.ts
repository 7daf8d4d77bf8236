import type { PassageMatch } from "../checks/copy/copy-search.ts";
import { reportText } from "../checks/report-text.ts";
import type { CopyHit } from "../conversation/copy-hits.ts";
import type { Json } from "../conversation/patch.ts";
import { type Report, ReportSchema } from "../core/report.ts";
import type { CorpusRepository } from "../storage/index.ts";
import { corpusDocument } from "./copy-corpus.ts";

/** Messages shorter than this cannot hold a 50-character copied passage: not searched. */
const MIN_SEARCHED = 50;

/**
 * The officer's own work, never a "source" of copied text: the ids of every report they can open
 * (their earlier attempts join the corpus as `ziping:<id>`) and every unit name those reports were
 * saved under, a misread one included.
 */
export interface OwnWork {
  reportIds: readonly string[];
  agencies: readonly string[];
}

/** The deployment's corpus as the chat uses it: search a message, add a generated report. */
export interface ChatCorpus {
  /**
   * Passages of `text` found in reports of other agencies, the officer's own work excluded (asked
   * for only when the text is long enough to search and the corpus is not empty).
   */
  search(text: string, own: () => Promise<OwnWork>): Promise<CopyHit[]>;
  /** Adds a generated report (when it is a complete report) so later reports are compared with it. */
  add(reportId: string, doc: Json, now: Date): Promise<void>;
  /** Passages of a whole report found in other agencies' reports, for the checker. */
  passages(report: Report, own?: OwnWork): Promise<PassageMatch[]>;
}

/** The corpus source of a report the chat generated. */
export const chatSource = (reportId: string): string => `ziping:${reportId}`;

/** The chat's corpus over the deployment's corpus repository (the same connection as the store). */
export function chatCorpus(store: CorpusRepository): ChatCorpus {
  const exclusions = async (own: OwnWork) => ({
    excludeDocIds: await store.documentIdsBySource(own.reportIds.map(chatSource)),
    excludeAgencies: own.agencies,
  });
  return {
    async search(text, own) {
      if ([...text].length < MIN_SEARCHED || (await store.documentCount()) === 0) return [];
      return (await store.findPassages(text, await exclusions(await own()))).map((m) => ({
        agency: m.source.agency,
        year: m.source.year,
        quote: m.queryQuote,
        sourceQuote: m.sourceQuote,
        length: m.length,
      }));
    },
    async passages(report, own = { reportIds: [], agencies: [] }) {
      if ((await store.documentCount()) === 0) return [];
      return store.findPassages(reportText(report).text, {
        ...(await exclusions(own)),
        excludeAgency: report.unit.name,
      });
    },
    async add(reportId, doc, now) {
      const report = ReportSchema.safeParse(doc);
      if (!report.success) return;
      const document = corpusDocument(report.data, chatSource(reportId), `ziping 报告 ${reportId}`);
      if (document.text.trim() !== "") await store.addDocument(document, now);
    },
  };
}
