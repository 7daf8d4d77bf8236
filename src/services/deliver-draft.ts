import type { Report } from "../core/report.ts";
import { ReportSchema } from "../core/report.ts";
import { fail, ok, type Result } from "../core/result.ts";
import { describeIssues } from "../core/validation.ts";
import type { Scheme } from "../scoring/scheme.ts";
import type { Delivery } from "./chat-service.ts";
import { type DeliverySummary, deliveryFileBase, summarizeDelivery } from "./draft-delivery.ts";
import { buildDraftFiles, type DraftFile, type DraftWriters } from "./draft-files.ts";
import { type DraftEnv, type DraftOptions, draftReport } from "./draft-report.ts";
import { pickScheme } from "./pick-scheme.ts";

/** A drafted report as every channel receives it: checked file bytes and the one summary. */
export interface DeliveredDraft {
  files: DraftFile[];
  summary: DeliverySummary;
}

/** What drafting a report to files needs besides the report. */
export interface DraftFilesRequest extends DraftOptions {
  report: Report;
  /** The document's text (helps guess the scheme of an imported file); "" for a saved report. */
  text?: string;
  /** `--scheme`: an installed id, a file, or 按本表结构. */
  scheme?: string;
  /**
   * The names (or paths) of the files wanted, each .docx or .md; absent: both, named after the
   * report (郑州市…2021年度绩效自评报告.docx and .md).
   */
  names?: readonly string[];
  now: Date;
  /** Tests inject broken writers to see a bad file caught. */
  writers?: DraftWriters;
}

/**
 * The one drafting path: picks the scheme (pickScheme), drafts the narrative (model or rules),
 * renders each file, reads it back to check every heading is there, and summarizes. Channels only
 * put the files somewhere (out/, an upload) and render the summary.
 */
export async function draftFiles(
  request: DraftFilesRequest,
  schemes: readonly Scheme[],
  env: DraftEnv,
): Promise<Result<DeliveredDraft>> {
  const scheme = pickScheme(request.report, request.text ?? "", request.scheme, schemes);
  if (!scheme.ok) return scheme;
  const drafted = await draftReport(request.report, scheme.value.scheme, env, {
    ...(request.reportId === undefined ? {} : { reportId: request.reportId }),
    ...(request.notes === undefined ? {} : { notes: request.notes }),
    ...(request.keepOfficerText === undefined ? {} : { keepOfficerText: request.keepOfficerText }),
  });
  if (!drafted.ok) return drafted;
  const base = deliveryFileBase(drafted.value);
  const names = request.names ?? [`${base}.docx`, `${base}.md`];
  const files = await buildDraftFiles(drafted.value, names, request.now, request.writers);
  if (!files.ok) return files;
  return ok({ files: files.value, summary: summarizeDelivery(drafted.value, names) });
}

/**
 * A delivery the chat asked for (生成报告, 下载报告): the saved report must be complete enough to
 * score (unit, year, kind); it is drafted to files (`draftFiles`). A refusal marks its job done (the
 * officer is told and asks again); a success leaves it pending: the channel finishes it once the
 * files are handed over, so a crash while writing or uploading redoes it at the next start. A bug
 * (an exception) leaves the job pending.
 */
export async function deliverDraft(
  delivery: Delivery,
  options: { names?: readonly string[]; now: Date },
  deps: {
    schemes: readonly Scheme[];
    drafting: DraftEnv;
    finish: (delivery: Delivery, now: Date) => Promise<void>;
  },
): Promise<Result<DeliveredDraft>> {
  const report = ReportSchema.safeParse(delivery.doc);
  const result: Result<DeliveredDraft> = !report.success
    ? fail(
        "delivery.incomplete",
        `报告还不完整，暂不能起草：\n${describeIssues(report.error.issues).join("\n")}`,
      )
    : await draftFiles(
        {
          report: report.data,
          reportId: delivery.reportId,
          now: options.now,
          ...(options.names === undefined ? {} : { names: options.names }),
        },
        deps.schemes,
        deps.drafting,
      );
  if (!result.ok) await deps.finish(delivery, options.now);
  if (!result.ok && result.error.code.startsWith("scheme."))
    return fail(result.error.code, `暂不能起草：${result.error.message}`);
  return result;
}
