import { displayWidth } from "../core/display-width.ts";

/**
 * Plain-text tables for monospaced output (the terminal, a Slack code block): columns aligned by
 * display width (a Chinese character is two columns), long cells clipped so a row stays on one line.
 */

/** `text` padded with spaces to `width` display columns. */
export function padToWidth(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

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
      .map((c, i) => padToWidth(c, widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const [head, ...body] = cells;
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [`【${title}】`, line(head ?? []), rule, ...body.map(line)].join("\n");
}
