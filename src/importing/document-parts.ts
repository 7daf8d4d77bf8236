import type { ReportKind } from "../core/report.ts";
import { rowTitle } from "./table-titles.ts";
import type { GridRow } from "./text-grid.ts";

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
 * `mainKind` is the kind the report's title states; without one, the first titled table decides.
 */
export function splitDocumentParts(rows: readonly GridRow[], mainKind: ReportKind | null): DocumentPart[] {
  const main: DocumentPart = { main: true, kind: mainKind, rows: [] };
  const parts: DocumentPart[] = [main];
  let current = main;
  for (const row of rows) {
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
