import type { ReportKind } from "../../core/report.ts";
import type { GridRow } from "../grid/text-grid.ts";
import { rowTitle } from "../tables/table-titles.ts";

/** The rows of one report inside a document: the main report, or an annex 自评表 of another kind. */
export interface DocumentPart {
  main: boolean;
  kind: ReportKind | null;
  /** The annex's table title ("2020年项目支出绩效自评表"); undefined for the main report. */
  title?: string;
  rows: GridRow[];
}

/**
 * Splits a document's rows into the reports it holds. A department report often carries annex
 * 项目支出绩效自评表 (seed 003): each 自评表 or 申报表 titled with the other kind starts an annex, which
 * runs until a title of the main kind. Everything else, narrative included, belongs to the main report.
 * A heading that only names the table titled right below it is dropped (`isDoubledTitle`).
 * `mainKind` is the kind the report's title states; without one, the first titled table decides.
 */
export function splitDocumentParts(rows: readonly GridRow[], mainKind: ReportKind | null): DocumentPart[] {
  const main: DocumentPart = { main: true, kind: mainKind, rows: [] };
  const parts: DocumentPart[] = [main];
  let current = main;
  for (const [index, row] of rows.entries()) {
    if (isDoubledTitle(row, rows[index + 1])) continue;
    const title = rowTitle(row);
    if (title?.kind != null) {
      if (main.kind === null) main.kind = title.kind;
      if (title.kind === main.kind) current = main;
      else if (title.form === "self" || title.form === "declare") {
        current = { main: false, kind: title.kind, title: title.text, rows: [] };
        parts.push(current);
      }
    }
    current.rows.push(row);
  }
  return parts;
}

/**
 * A heading naming a table right above the table's own title ("附表：部门整体支出绩效自评表" then
 * "部门整体绩效自评表"): one table titled twice, not two. The heading row is left to the narrative;
 * the table readers see the table's own title only.
 */
function isDoubledTitle(row: GridRow, next: GridRow | undefined): boolean {
  const title = rowTitle(row);
  const following = next === undefined ? null : rowTitle(next);
  if (title === null || following === null || title.form !== following.form) return false;
  return title.kind === null || following.kind === null || title.kind === following.kind;
}
