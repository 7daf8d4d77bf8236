import { findField } from "./corrections.ts";
import { indicatorRefs } from "./draft-access.ts";
import { showValue } from "./fact-changes.ts";
import { ALL_FIELDS, type NamedField } from "./field-catalog.ts";
import type { ValueType } from "./field-values.ts";
import { INDICATOR_COLUMNS, targetText } from "./indicator-slots.ts";
import { recognise } from "./intents.ts";
import { getIn, type Json } from "./patch.ts";

/**
 * A number of the draft an officer may correct from a form (Slack's 修改数字): what it is called,
 * what it is now, and the sentence the engine understands as "change it to v". The form only picks
 * a figure and a value; the change itself goes through the engine like a typed correction.
 */
export interface Figure {
  /** `field:<path joined by .>` or `indicator:<n>:<column key>`. */
  id: string;
  label: string;
  /** The value as the chat shows it. */
  current: string;
  /** Where it belongs, for grouping in a form: "预算与得分" or the indicator's first-level block. */
  group: string;
  /** An example answer, for the input's placeholder. */
  example: string;
  /** The correction as the officer would type it ("把预算执行数改成545.06万元"). */
  command(value: string): string;
}

/** The most figures offered (Slack's select: 100 groups of 100 options); a report has a few hundred at most. */
const MAX_FIGURES = 1000;

/** The group of the report-level figures (budget, execution rate, scores). */
const FIELD_GROUP = "预算与得分";

const FIGURE_TYPES: ReadonlySet<ValueType> = new Set<ValueType>(["money", "percent", "points"]);

/** The indicator columns that are figures, in the order they are offered. */
const FIGURE_COLUMNS = ["actual", "target", "score"].flatMap((key) =>
  INDICATOR_COLUMNS.filter((c) => c.key === key),
);

const fieldCommand = (field: NamedField) => (value: string) => `把${field.label}改成${value}`;

/**
 * The numeric fields whose correction the engine reads back as the same field. Today that is every
 * one of them; the guard stays so that a field added to the catalog with a label the engine would
 * misread is left out rather than offered and then written to the wrong place.
 */
const ROUTABLE_FIELDS = ALL_FIELDS.filter((field) => {
  if (!FIGURE_TYPES.has(field.type)) return false;
  const intent = recognise(fieldCommand(field)("1"));
  if (intent?.kind !== "correct") return false;
  return findField(intent.target)?.path.join(".") === field.path.join(".");
});

function present(value: Json | undefined): value is Json {
  return value !== undefined && value !== null && !(typeof value === "string" && value.trim() === "");
}

function clipName(name: string, max: number): string {
  const chars = Array.from(name.trim());
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

function fieldFigures(doc: Json): Figure[] {
  return ROUTABLE_FIELDS.flatMap((field) => {
    const value = getIn(doc, field.path);
    if (!present(value)) return [];
    return [
      {
        id: `field:${field.path.join(".")}`,
        label: field.label,
        current: showValue(value),
        group: FIELD_GROUP,
        example: field.example,
        command: fieldCommand(field),
      },
    ];
  });
}

function indicatorFigures(doc: Json): Figure[] {
  return indicatorRefs(doc).flatMap((ref) =>
    FIGURE_COLUMNS.flatMap((column) => {
      const value = column.key === "target" ? targetText(ref.row.target) : ref.row[column.key];
      if (!present(value)) return [];
      const name = clipName(ref.name, 20);
      return [
        {
          id: `indicator:${ref.n}:${column.key}`,
          label:
            name === "" ? `第${ref.n}个指标的${column.label}` : `第${ref.n}个指标“${name}”的${column.label}`,
          current: showValue(value),
          group: ref.block === "" ? "绩效指标" : ref.block,
          example: column.example,
          command: (v: string) => `第${ref.n}个指标的${column.label}是${v}`,
        },
      ];
    }),
  );
}

function allFigures(doc: Json): Figure[] {
  return [...fieldFigures(doc), ...indicatorFigures(doc)];
}

/**
 * The figures of a draft that have a value, fields first (金额、执行率、得分), then each indicator's
 * 实际完成值、指标值、得分 in table order; at most {@link MAX_FIGURES}.
 */
export function correctableFigures(doc: Json): Figure[] {
  return allFigures(doc).slice(0, MAX_FIGURES);
}

/** The figure with `id`, also one past {@link MAX_FIGURES}; undefined when it has no value. */
export function figureById(doc: Json, id: string): Figure | undefined {
  return allFigures(doc).find((f) => f.id === id);
}
