import type { Reply } from "../../conversation/replies.ts";
import { SEVERITY_LABEL } from "../../core/finding.ts";
import type { OutboundMessage } from "../../services/channel-port.ts";
import type { DeliverySummary } from "../../services/draft-delivery.ts";
import type { GovMessage } from "./gov-client.ts";

/**
 * ziping's outbound messages as 政务钉钉 robot messages: one markdown message per turn (msgType
 * "markdown", body {title, text}). Robot messages here have no buttons ziping can rely on, so a
 * question lists its choices as words to reply with (numbered where the engine takes a number).
 */

/** The robot API's message types ziping uses (unverified beyond their names: see README “在政务钉钉中使用”). */
export const MSG_TYPE = { markdown: "markdown", file: "file" } as const;

/** What the robot says while drafting (no update follows: a second message carries the summary). */
export const DRAFTING_TEXT = "正在生成报告（Markdown 与 Word），完成后会把两个文件发给您……";

/**
 * Characters of one markdown message: a longer turn (a pasted report's table) goes out as several
 * messages, split between lines. The platform's own limit is not documented where we could read it.
 */
const MAX_MARKDOWN_CHARS = 3000;

const LEVEL = { error: "❌", warn: "⚠️", info: "ℹ️" } as const;
/** Lines of lost points and findings shown in the summary; the rest is in the Markdown file. */
const LIMIT = { lost: 15, findings: 20 } as const;

const num = (n: number) => String(Math.round(n * 100) / 100);

/** The robot messages for one outbound message (none for a duplicate: nothing changed). */
export function govMessages(message: OutboundMessage): GovMessage[] {
  switch (message.kind) {
    case "duplicate":
      return [];
    case "replies": {
      const text = message.replies.map(replyMarkdown).join("\n\n");
      return text === "" ? [] : splitLines(text, MAX_MARKDOWN_CHARS).map(markdown);
    }
    case "drafting":
      return [markdown(`⏳ ${DRAFTING_TEXT}`)];
    case "delivered":
      return [markdown(summaryMarkdown(message.summary, message.files))];
    case "delivery-failed":
      return [markdown(`❌ ${message.message}`)];
  }
}

/** `text` in pieces of at most `max` characters, cut between lines (a longer line is cut where it must). */
function splitLines(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    for (let rest = line; ; ) {
      const room = max - (current === "" ? 0 : current.length + 1);
      if (rest.length <= room) {
        current = current === "" ? rest : `${current}\n${rest}`;
        break;
      }
      if (current !== "" && rest.length <= max) {
        pieces.push(current);
        current = "";
        continue;
      }
      const cut = current === "" ? max : room;
      pieces.push(current === "" ? rest.slice(0, cut) : `${current}\n${rest.slice(0, cut)}`);
      current = "";
      rest = rest.slice(cut);
    }
  }
  if (current.trim() !== "") pieces.push(current);
  return pieces;
}

/** A markdown message; its title (shown in the chat list) is the first line without markup. */
function markdown(text: string): GovMessage {
  const first = (text.split("\n").find((l) => l.trim() !== "") ?? "自评助手").replace(/[*#>`]/g, "").trim();
  const title = [...first].length > 20 ? `${[...first].slice(0, 20).join("")}…` : first;
  return { msgType: MSG_TYPE.markdown, body: { title, text } };
}

/** Line breaks that DingTalk's markdown keeps: a line ends with two spaces. */
function lines(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\n/g, "  \n");
}

/**
 * A table for a phone (DingTalk's markdown has no reliable tables): one list item per row, its first
 * cell in bold, then the value (two columns) or "列名：值" for every other non-empty cell.
 */
function tableMarkdown(title: string, columns: readonly string[], rows: readonly string[][]): string[] {
  const items = rows.map((row) => {
    const [first = "", ...rest] = row;
    if (columns.length <= 2) return `- **${first}**：${rest.join("")}`;
    const cells = rest.flatMap((cell, i) => (cell.trim() === "" ? [] : [`${columns[i + 1] ?? ""}：${cell}`]));
    return `- **${first}**${cells.length === 0 ? "" : `　${cells.join("；")}`}`;
  });
  return [`**${title}**`, "", ...items];
}

/** One engine reply as markdown. */
export function replyMarkdown(reply: Reply): string {
  switch (reply.type) {
    case "text":
      return lines(reply.text);
    case "notice":
      return `${LEVEL[reply.level]} ${reply.field === undefined ? "" : `**${reply.field}**：`}${lines(reply.text)}`;
    case "table": {
      const out = tableMarkdown(reply.title, reply.columns, reply.rows);
      if (reply.note !== undefined && reply.note !== "") out.push("", lines(reply.note));
      return out.join("\n");
    }
    case "question": {
      const out = [`**[已完成 ${reply.progress.done}/${reply.progress.total} 项]** ${lines(reply.text)}`];
      if (reply.choices !== undefined && reply.choices.length > 0)
        out.push("", "请回复编号或文字：", "", ...reply.choices.map((c, i) => `${i + 1}. ${c.label}`));
      if (reply.example !== undefined && reply.example !== "")
        out.push("", `> 例如：${lines(reply.example)}`);
      return out.join("\n");
    }
    case "confirm":
      return `${lines(reply.text)}\n\n请回复：${reply.choices.map((c) => `**${c.value}**`).join(" / ")}`;
  }
}

/** The drafted report's summary: score, points lost, who drafted, files, findings, what is missing. */
function summaryMarkdown(s: DeliverySummary, files: readonly string[]): string {
  const lines = [`### ${s.title}`];
  if (s.score === null) lines.push("**得分（按规则）**：暂无法计算");
  else {
    const reported =
      s.reportedScore !== null && num(s.reportedScore) !== num(s.score)
        ? `，报告原填 ${num(s.reportedScore)} 分`
        : "";
    lines.push(
      `**得分（按规则）**：${num(s.score)} 分${s.grade === null ? "" : `（${s.grade}）`}${reported}`,
    );
  }
  if (s.lost.length > 0) {
    lines.push(
      "",
      "**失分**",
      ...s.lost.slice(0, LIMIT.lost).map((l) => `- ${l.item} 失 ${num(l.points)} 分`),
    );
    if (s.lost.length > LIMIT.lost) lines.push(`- 等 ${s.lost.length - LIMIT.lost} 项`);
  }
  lines.push("", `起草：${s.drafter}；文件：${files.length === 0 ? "（无）" : files.join("、")}`);
  for (const r of s.replaced)
    lines.push(`- “${r.section}”的模型稿未采用，已按数据起草：${r.reasons.join("；")}`);
  if (s.missing.length > 0) lines.push("", `**待补充数据 ${s.missing.length} 项**：${s.missing.join("、")}`);
  if (s.findings.length === 0) lines.push("", "核查：草稿未发现问题。");
  else {
    lines.push("", `**核查发现 ${s.findings.length} 项**`);
    for (const f of s.findings.slice(0, LIMIT.findings))
      lines.push(`- [${SEVERITY_LABEL[f.level]}] ${f.text}`);
    if (s.findings.length > LIMIT.findings)
      lines.push(`- 另有 ${s.findings.length - LIMIT.findings} 条，见 Markdown 文件末尾`);
  }
  return lines.join("\n");
}
