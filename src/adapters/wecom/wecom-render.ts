import type { Choice, Progress, Reply } from "../../conversation/replies.ts";
import { SEVERITY_LABEL } from "../../core/finding.ts";
import type { OutboundMessage } from "../../services/channel-port.ts";
import type { DeliverySummary } from "../../services/draft-delivery.ts";
import { choiceCard, type WeComCard } from "./wecom-card.ts";

/** One WeCom message: markdown (WeCom's subset) or a template card with buttons. */
export type WeComMessage = { kind: "markdown"; content: string } | { kind: "card"; card: WeComCard };

/** How to render for one place: its conversation key, whether cards are shown, and fresh card task ids. */
export interface RenderContext {
  conversation: string;
  buttons: boolean;
  taskId: () => string;
}

/** A markdown message holds at most 4096 bytes; chunks stay under this. */
const MAX_MARKDOWN_BYTES = 4000;
/** A card holds six buttons: a question's choices share them with 跳过. */
const MAX_CARD_CHOICES = 5;
const LEVEL = { error: "✗ ", warn: "⚠ ", info: "· " } as const;
const num = (n: number) => String(Math.round(n * 100) / 100);

/** `已完成 3/10 项（30%）`. */
function progressLine(p: Progress): string {
  const ratio = p.total <= 0 ? 0 : Math.min(Math.max(p.done, 0), p.total) / p.total;
  return `已完成 ${p.done}/${p.total} 项（${Math.round(ratio * 100)}%）`;
}

/**
 * A table as a list, one row per line (WeCom's markdown has no tables, and its proportional font
 * breaks space-aligned columns): `- 第一列：第二列名 值；第三列名 值`.
 */
function tableList(title: string, columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (row: readonly string[]) => {
    const [first = "", ...rest] = row;
    const named = rest.map((v, i) => (columns.length === 2 ? v : `${columns[i + 1] ?? ""} ${v}`));
    return `- ${first}：${named.join("；")}`;
  };
  return [`**${title}**`, ...rows.map(line)].join("\n");
}

/** The words to type for each choice, where no card can be shown. */
function typedChoices(choices: readonly Choice[]): string {
  return `请回复：${choices.map((c) => c.value).join(" / ")}`;
}

/**
 * The engine's replies as WeCom messages: text, notices and tables gather into markdown; a question
 * or confirmation with choices ends the markdown and adds a card (or, without cards, names the words
 * to type).
 */
export function renderReplies(replies: readonly Reply[], ctx: RenderContext): WeComMessage[] {
  const out: WeComMessage[] = [];
  let parts: string[] = [];
  const flush = () => {
    for (const content of splitMarkdown(parts.join("\n\n"))) out.push({ kind: "markdown", content });
    parts = [];
  };
  for (const reply of replies) {
    switch (reply.type) {
      case "text":
        parts.push(reply.text);
        break;
      case "notice":
        parts.push(`${LEVEL[reply.level]}${reply.text}`);
        break;
      case "table":
        parts.push(tableList(reply.title, reply.columns, reply.rows));
        if (reply.note !== undefined && reply.note !== "") parts.push(reply.note);
        break;
      case "question": {
        const lines = [`**${progressLine(reply.progress)}**`, reply.text];
        if (reply.example !== undefined && reply.example.trim() !== "") lines.push(`例如：${reply.example}`);
        // Without cards, or with more choices than a card holds (five beside 跳过): the words to type.
        if (reply.choices !== undefined && (!ctx.buttons || reply.choices.length > MAX_CARD_CHOICES))
          lines.push(typedChoices(reply.choices));
        parts.push(lines.join("\n"));
        if (ctx.buttons) {
          flush();
          out.push({
            kind: "card",
            card: choiceCard(
              reply.choices === undefined || reply.choices.length === 0
                ? "请直接回复，或跳过此项"
                : "请选择，或直接回复",
              reply.choices ?? [],
              ctx.conversation,
              ctx.taskId(),
              {
                desc: progressLine(reply.progress),
                skip: true,
              },
            ),
          });
        }
        break;
      }
      case "confirm":
        parts.push(
          ctx.buttons && reply.choices.length <= MAX_CARD_CHOICES + 1
            ? reply.text
            : `${reply.text}\n${typedChoices(reply.choices)}`,
        );
        if (ctx.buttons) {
          flush();
          out.push({
            kind: "card",
            card: choiceCard("请确认，或直接回复", reply.choices, ctx.conversation, ctx.taskId()),
          });
        }
        break;
    }
  }
  flush();
  return out;
}

/** Splits markdown at line ends so each chunk stays under WeCom's size; a longer line is cut. */
export function splitMarkdown(text: string): string[] {
  if (text.trim() === "") return [];
  const chunks: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const next = current === "" ? line : `${current}\n${line}`;
    if (Buffer.byteLength(next) <= MAX_MARKDOWN_BYTES) {
      current = next;
      continue;
    }
    if (current !== "") chunks.push(current);
    current = line;
    while (Buffer.byteLength(current) > MAX_MARKDOWN_BYTES) {
      const cut = Buffer.from(current)
        .subarray(0, MAX_MARKDOWN_BYTES)
        .toString("utf8")
        .replace(/\uFFFD$/, "");
      chunks.push(cut);
      current = current.slice(cut.length);
    }
  }
  if (current !== "") chunks.push(current);
  return chunks;
}

/** The summary sent after the files: score, points lost, drafter and files, findings, what is missing. */
export function deliveryMarkdown(s: DeliverySummary, files: readonly string[]): string {
  const lines = [`**${s.title}**`];
  if (s.score === null) lines.push("得分（按规则）：暂无法计算");
  else {
    const reported =
      s.reportedScore !== null && num(s.reportedScore) !== num(s.score)
        ? `，报告原填 ${num(s.reportedScore)} 分`
        : "";
    lines.push(`得分（按规则）：${num(s.score)} 分${s.grade === null ? "" : `（${s.grade}）`}${reported}`);
  }
  if (s.lost.length > 0) lines.push("失分：", ...s.lost.map((l) => `- ${l.item} 失 ${num(l.points)} 分`));
  lines.push(`起草：${s.drafter}；文件：${files.length === 0 ? "（无）" : files.join("、")}`);
  for (const r of s.replaced)
    lines.push(`“${r.section}”的模型稿未采用，已按数据起草：${r.reasons.join("；")}`);
  if (s.findings.length > 0)
    lines.push("核查发现：", ...s.findings.map((f) => `- [${SEVERITY_LABEL[f.level]}] ${f.text}`));
  else lines.push("核查：草稿未发现问题。");
  if (s.missing.length > 0) lines.push(`待补充：${s.missing.join("、")}`);
  return lines.join("\n");
}

/** An outbound message as WeCom messages. */
export function weComMessages(message: OutboundMessage, ctx: RenderContext): WeComMessage[] {
  const markdown = (text: string): WeComMessage[] =>
    splitMarkdown(text).map((content) => ({ kind: "markdown", content }));
  switch (message.kind) {
    case "duplicate":
      return [];
    case "replies":
      return renderReplies(message.replies, ctx);
    case "drafting":
      return markdown(
        message.model === undefined
          ? "正在生成报告（Word 与 Markdown）……"
          : `正在请模型 ${message.model} 起草叙述部分，随后生成报告（Word 与 Markdown）……`,
      );
    case "delivered":
      return markdown(deliveryMarkdown(message.summary, message.files));
    case "delivery-failed":
      return markdown(`✗ 生成报告失败：${message.message}`);
  }
}
