import type { types } from "@slack/bolt";
import { SEVERITY_LABEL, type Severity } from "../../../core/finding.ts";
import type { DeliverySummary } from "../../../services/draft-delivery.ts";
import { context, header, type SlackMessage, section } from "./block-kit.ts";
import { clip, clipEscaped, escapeMrkdwn, MAX_SECTION_CHARS, splitMrkdwn } from "./mrkdwn.ts";

/** The one summary type (services/draft-delivery.ts), re-exported for the Slack renderers. */
export type { DeliverySummary } from "../../../services/draft-delivery.ts";
/** `/ziping help` lives in help-blocks.ts; re-exported because the slash command imports it from here. */
export { helpText } from "./help-blocks.ts";

/** Lines of lost points and of findings shown before the rest is counted. */
export const DELIVERY_LIMIT = { lost: 15, findings: 20, findingChars: 200 } as const;

const LEVELS: readonly Severity[] = ["error", "warn", "info"];

const num = (n: number) => String(Math.round(n * 100) / 100);

const sections = (text: string): types.KnownBlock[] => splitMrkdwn(text).map(section);

/** Posted at once while the report is drafted; replaced by the summary or the failure. */
export function placeholderMessage(): SlackMessage {
  const text = "正在生成报告（Markdown 与 Word）……";
  return { text, blocks: [section(`:hourglass_flowing_sand: ${text}`)] };
}

function scoreLine(s: DeliverySummary): string {
  if (s.score === null) return "*得分（按规则）*：暂无法计算";
  const grade = s.grade === null ? "" : `（${escapeMrkdwn(s.grade)}）`;
  const reported =
    s.reportedScore !== null && num(s.reportedScore) !== num(s.score)
      ? `，报告原填 ${num(s.reportedScore)} 分`
      : "";
  return `*得分（按规则）*：${num(s.score)} 分${grade}${reported}`;
}

function lostText(lost: DeliverySummary["lost"]): string {
  const shown = lost.slice(0, DELIVERY_LIMIT.lost).map((l) => `· ${l.item} 失 ${num(l.points)} 分`);
  const rest = lost.length - shown.length;
  return ["*失分*", ...shown, ...(rest > 0 ? [`等 ${rest} 项`] : [])].join("\n");
}

/** The sections drafted from the data because the model's text failed the checks, each with its first reasons. */
function replacedText(replaced: DeliverySummary["replaced"]): string {
  const lines = replaced.map(
    (r) =>
      `· ${r.section}：${clip(r.reasons.slice(0, 2).join("；"), DELIVERY_LIMIT.findingChars)}${r.reasons.length > 2 ? ` 等 ${r.reasons.length} 条` : ""}`,
  );
  return ["*以下章节的模型稿未采用，已按数据起草*", ...lines].join("\n");
}

function findingsText(findings: DeliverySummary["findings"]): string {
  const lines: string[] = ["*核查发现*"];
  let shown = 0;
  for (const level of LEVELS) {
    const group = findings.filter((f) => f.level === level);
    const room = DELIVERY_LIMIT.findings - shown;
    if (group.length === 0 || room <= 0) continue;
    lines.push(
      `*${SEVERITY_LABEL[level]}*`,
      ...group.slice(0, room).map((f) => `· ${clip(f.text, DELIVERY_LIMIT.findingChars)}`),
    );
    shown += Math.min(room, group.length);
  }
  const rest = findings.length - shown;
  if (rest > 0) lines.push(`另有 ${rest} 条，见 Markdown 附：核查发现`);
  return lines.join("\n");
}

/**
 * The summary posted with the drafted files: the rules' score (and the report's own total when it
 * differs), the points lost, who drafted and which files, the check's findings by severity, and
 * what is still missing.
 */
export function deliverySummary(s: DeliverySummary): SlackMessage {
  const blocks: types.KnownBlock[] = [header(s.title), section(scoreLine(s))];
  if (s.lost.length > 0) blocks.push(...sections(lostText(s.lost)));
  const files = s.files.length === 0 ? "（无）" : s.files.join("、");
  blocks.push(context(clipEscaped(`起草：${s.drafter} · 文件：${files}`, MAX_SECTION_CHARS)));
  if (s.replaced.length > 0) blocks.push(...sections(replacedText(s.replaced)));
  if (s.findings.length > 0) blocks.push(...sections(findingsText(s.findings)));
  if (s.missing.length > 0) blocks.push(...sections(`待补充：${s.missing.join("、")}`));
  const score =
    s.score === null ? "报告已生成" : `得分 ${num(s.score)} 分${s.grade === null ? "" : `（${s.grade}）`}`;
  return { text: clipEscaped(`${s.title}：${score}`, 150), blocks };
}

/** Replaces the placeholder when drafting failed. */
export function deliveryFailed(message: string): SlackMessage {
  const text = `生成报告失败：${message}`;
  return {
    text: clipEscaped(text, 150),
    blocks: splitMrkdwn(text).map((chunk, i) => section(i === 0 ? `:x: ${chunk}` : chunk)),
  };
}
