import { type Report, ReportSchema } from "../core/report.ts";
import { getIn, type Json } from "./patch.ts";

/** A third-level indicator of the draft with its position: flat number (1-based, as shown) and path. */
export interface IndicatorRef {
  n: number;
  path: [string, number, string, number, string, number];
  block: string;
  name: string;
  row: { [key: string]: Json };
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

function asObject(value: Json | undefined): { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
}

/** Every third-level indicator of the draft in table order, numbered from 1 as the officer sees them. */
export function indicatorRefs(doc: Json): IndicatorRef[] {
  const refs: IndicatorRef[] = [];
  asArray(getIn(doc, ["indicators"])).forEach((block, b) => {
    const blockName = String(asObject(block).name ?? "");
    asArray(asObject(block).groups).forEach((group, g) => {
      asArray(asObject(group).indicators).forEach((row, i) => {
        const object = asObject(row);
        refs.push({
          n: refs.length + 1,
          path: ["indicators", b, "groups", g, "indicators", i],
          block: blockName,
          name: String(object.name ?? ""),
          row: object,
        });
      });
    });
  });
  return refs;
}

/** Text at `path`, or undefined when absent or empty. */
export function textAt(doc: Json, path: readonly (string | number)[]): string | undefined {
  const value = getIn(doc, path);
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === "" ? undefined : text;
}

/** Whether the draft already has the narrative section `id`. */
export function hasSection(doc: Json, id: string): boolean {
  return asArray(getIn(doc, ["narrative"])).some((s) => asObject(s).id === id);
}

/** The draft as a full report when it has what the model requires (kind, unit, year), else null. */
export function draftAsReport(doc: Json): Report | null {
  const parsed = ReportSchema.safeParse(doc);
  return parsed.success ? parsed.data : null;
}

export { asArray, asObject };
