import type { Choice, Progress, Reply } from "../../conversation/replies.ts";
import { SEVERITY_LABEL } from "../../core/finding.ts";
import { fmt } from "../../scoring/rounding.ts";
import type { OutboundMessage } from "../../services/channel-port.ts";
import type { DeliverySummary } from "../../services/draft-delivery.ts";

/** One DingTalk markdown message (msgKey sampleMarkdown, or msgtype markdown on a sessionWebhook). */
export interface MarkdownMessage {
  /** What the notification and the chat list show. */
  title: string;
  text: string;
}

/** Characters of one message's text at most (DingTalk cuts long markdown); longer text is split at lines. */
export const MAX_MARKDOWN_CHARS = 3500;
/** Lines of lost points and findings shown in the summary before the rest is counted. */
const LIMIT = { lost: 15, findings: 20 } as const;
const LEVEL = { error: "❌", warn: "⚠️", info: "ℹ️" } as const;

/**
 * A link that, when tapped in DingTalk, sends `words` as the user's own message to the robot
 * (`dtmd://dingtalkclient/sendMessage?content=…`, markdown messages only): the engine receives the
 * words as typed text, so a choice works as if typed.
 */
export function sendLink(label: string, words: string): string {
  return `[${label.replace(/[[\]]/g, (c) => (c === "[" ? "［" : "］"))}](dtmd://dingtalkclient/sendMessage?content=${encodeURIComponent(words)})`;
}

/**
 * Plain text as DingTalk markdown shows it: the characters that would start markup (emphasis, a
 * heading or quote at a line's start, a link, an HTML tag such as <font>) become their full-width
 * forms, so a pasted "# 标题" or "**" reads as typed; line breaks are kept (two spaces end a line).
 */
function lines(text: string): string {
  return inline(text.replace(/\r\n?/g, "\n")).replace(/\n/g, "  \n");
}

/** {@link lines} without the line breaks: a table cell or a title. */
function inline(text: string): string {
  return text
    .replace(/[*[\]<]/g, (c) => FULL_WIDTH[c] ?? c)
    .replace(/^([ \t]*)([#>])/gm, (_m, space: string, c: string) => `${space}${FULL_WIDTH[c] ?? c}`);
}

const FULL_WIDTH: Record<string, string> = {
  "*": "＊",
  "[": "［",
  "]": "］",
  "<": "＜",
  "#": "＃",
  ">": "＞",
};

function progressLine(p: Progress): string {
  const total = Math.max(0, p.total);
  const ratio = total === 0 ? 0 : Math.min(Math.max(p.done, 0), total) / total;
  const filled = Math.round(ratio * 10);
  return `已完成 ${p.done}/${p.total} 项 ${"▰".repeat(filled)}${"▱".repeat(10 - filled)} ${Math.round(ratio * 100)}%`;
}

function links(choices: readonly Choice[]): string {
  return choices.map((c) => sendLink(c.label, c.value)).join("　");
}

/**
 * A table for a phone: DingTalk's markdown has no reliable tables, so each row is one list item —
 * its first cell in bold, then its value (two columns) or "列名：值" for every other non-empty cell.
 */
function tableText(
  title: string,
  columns: readonly string[],
  rows: readonly string[][],
  note?: string,
): string {
  const items = rows.map((row) => {
    const [first = "", ...rest] = row;
    // Two columns are a name and its value: "名称：值"; wider rows name each value by its column.
    if (columns.length <= 2) return `- **${inline(first)}**：${inline(rest.join(""))}`;
    const cells = rest.flatMap((cell, i) =>
      cell.trim() === "" ? [] : [`${inline(columns[i + 1] ?? "")}：${inline(cell)}`],
    );
    return `- **${inline(first)}**${cells.length === 0 ? "" : `　${cells.join("；")}`}`;
  });
  return [
    `**${inline(title)}**`,
    "",
    ...items,
    ...(note === undefined || note === "" ? [] : ["", lines(note)]),
  ].join("\n");
}

/** One reply as a markdown block. */
function replyText(reply: Reply): string {
  switch (reply.type) {
    case "text":
      return lines(reply.text);
    case "notice":
      return `${LEVEL[reply.level]} ${reply.field === undefined ? "" : `**${reply.field}**：`}${lines(reply.text)}`;
    case "table":
      return tableText(reply.title, reply.columns, reply.rows, reply.note);
    case "question": {
      const parts = [
        `<font color=#808080>${progressLine(reply.progress)}</font>`,
        `**${lines(reply.text)}**`,
      ];
      if (reply.example !== undefined && reply.example.trim() !== "")
        parts.push(`> 例如：${lines(reply.example)}`);
      parts.push(links([...(reply.choices ?? []), { label: "跳过", value: "跳过" }]));
      return parts.join("\n\n");
    }
    case "confirm":
      return `${lines(reply.text)}\n\n${links(reply.choices)}`;
  }
}

/** The title of a message: its first words, without markdown or the grey progress line. */
function titleOf(text: string): string {
  const first = text
    .replace(/<font[^>]*>[^<]*<\/font>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*#>]/g, "")
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l !== "");
  const t = first ?? "ziping";
  return t.length > 20 ? `${t.slice(0, 20)}…` : t;
}

/** Splits text longer than one message at line ends (a single longer line is cut). */
function split(text: string): string[] {
  const out: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const next = current === "" ? line : `${current}\n${line}`;
    if (next.length <= MAX_MARKDOWN_CHARS) {
      current = next;
      continue;
    }
    if (current !== "") out.push(current);
    let rest = line;
    while (rest.length > MAX_MARKDOWN_CHARS) {
      out.push(rest.slice(0, MAX_MARKDOWN_CHARS));
      rest = rest.slice(MAX_MARKDOWN_CHARS);
    }
    current = rest;
  }
  if (current !== "") out.push(current);
  return out;
}

function messages(text: string): MarkdownMessage[] {
  const title = titleOf(text);
  return split(text).map((t) => ({ title, text: t }));
}

function scoreLine(s: DeliverySummary): string {
  if (s.score === null) return "**得分（按规则）**：暂无法计算";
  const grade = s.grade === null ? "" : `（${s.grade}）`;
  const reported =
    s.reportedScore !== null && fmt(s.reportedScore) !== fmt(s.score)
      ? `，报告原填 ${fmt(s.reportedScore)} 分`
      : "";
  return `**得分（按规则）**：${fmt(s.score)} 分${grade}${reported}`;
}

/** The summary sent after the drafted files: score, points lost, drafter and files, findings, what is missing. */
function summaryText(s: DeliverySummary, files: readonly string[]): string {
  const parts = [`### ${s.title}`, scoreLine(s)];
  if (s.lost.length > 0) {
    const shown = s.lost.slice(0, LIMIT.lost).map((l) => `- ${l.item} 失 ${fmt(l.points)} 分`);
    const rest = s.lost.length - shown.length;
    parts.push(["**失分**", ...shown, ...(rest > 0 ? [`- 等 ${rest} 项`] : [])].join("\n"));
  }
  parts.push(`起草：${s.drafter}　文件：${files.length === 0 ? "（无）" : files.join("、")}`);
  for (const r of s.replaced)
    parts.push(`⚠️ “${r.section}”的模型稿未采用，已按数据起草：${r.reasons.slice(0, 2).join("；")}`);
  if (s.findings.length > 0) {
    const shown = s.findings.slice(0, LIMIT.findings).map((f) => `- [${SEVERITY_LABEL[f.level]}] ${f.text}`);
    const rest = s.findings.length - shown.length;
    parts.push(
      ["**核查发现**", ...shown, ...(rest > 0 ? [`另有 ${rest} 条，见 Markdown 附：核查发现`] : [])].join(
        "\n",
      ),
    );
  }
  if (s.missing.length > 0) parts.push(`待补充：${s.missing.join("、")}`);
  return parts.join("\n\n");
}

/** An outbound message as DingTalk markdown messages (none for a repeated message). */
export function markdownMessages(message: OutboundMessage): MarkdownMessage[] {
  switch (message.kind) {
    case "duplicate":
      return [];
    case "replies":
      return message.replies.length === 0 ? [] : messages(message.replies.map(replyText).join("\n\n"));
    case "drafting":
      return [{ title: "正在生成报告", text: "⏳ 正在生成报告（Markdown 与 Word）……" }];
    case "delivered":
      return messages(summaryText(message.summary, message.files)).map((m) => ({
        ...m,
        title: message.summary.title,
      }));
    case "delivery-failed":
      return messages(`❌ 生成报告失败：${lines(message.message)}`);
  }
}
