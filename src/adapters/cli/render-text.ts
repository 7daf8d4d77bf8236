import type { Reply } from "../../conversation/replies.ts";
import { displayWidth } from "../../core/display-width.ts";
import { pad } from "./output.ts";

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ");
  if (displayWidth(flat) <= width) return flat;
  let out = "";
  for (const ch of flat) {
    if (displayWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out}…`;
}

/** A table with aligned columns; long cells are clipped so rows stay on one line. */
export function renderTable(
  title: string,
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  maxCell = 36,
): string {
  const cells = [columns, ...rows].map((row) => columns.map((_, i) => clip(row[i] ?? "", maxCell)));
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => displayWidth(row[i] ?? ""))));
  const line = (row: readonly string[]) =>
    row
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const [head, ...body] = cells;
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [`【${title}】`, line(head ?? []), rule, ...body.map(line)].join("\n");
}

const LEVEL = { error: "✗ ", warn: "⚠ ", info: "· " } as const;

/** Renders the engine's replies as terminal text. */
export function renderReplies(replies: readonly Reply[]): string {
  const out: string[] = [];
  for (const reply of replies) {
    switch (reply.type) {
      case "text":
        out.push(reply.text);
        break;
      case "notice":
        out.push(`${LEVEL[reply.level]}${reply.text}`);
        break;
      case "table":
        out.push(renderTable(reply.title, reply.columns, reply.rows));
        if (reply.note !== undefined && reply.note !== "") out.push(reply.note);
        break;
      case "question": {
        const lines = [`[已完成 ${reply.progress.done}/${reply.progress.total} 项] ${reply.text}`];
        if (reply.choices !== undefined) lines.push(...reply.choices.map((c, i) => `  ${i + 1}. ${c.label}`));
        if (reply.example !== undefined && reply.example !== "") lines.push(`  例如：${reply.example}`);
        out.push(lines.join("\n"));
        break;
      }
      case "confirm":
        out.push(`${reply.text}  [${reply.choices.map((c) => c.label).join(" / ")}]`);
        break;
    }
  }
  return out.join("\n");
}
