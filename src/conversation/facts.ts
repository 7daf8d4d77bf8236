import { removeBracketAsides } from "../core/bracket-asides.ts";
import type { Problem } from "../core/result.ts";
import { readReportTitle } from "../importing/report/report-title.ts";
import { GLOBAL_FIELDS, type NamedField, SUBJECTS, type Subject } from "./field-catalog.ts";
import { readValue } from "./field-values.ts";
import type { Json } from "./patch.ts";

/** A fact read from a message: which field, the value to store, and a note when something was assumed. */
export interface FactHit {
  field: NamedField;
  value: Json;
  note?: string;
}

/** What a free-text message said: the facts, the parts that named a field but had a bad value, the rest. */
export interface Facts {
  hits: FactHit[];
  problems: Problem[];
  /** Clauses that named no field, in order (a bare answer to the current question). */
  leftovers: string[];
}

/**
 * Clause breaks. An ASCII comma between digits is part of the number, never a break: a thousands
 * separator ("6,272,512.00元") is read, a decimal comma ("561,41万") is refused by the number reader.
 */
const CLAUSE = /[，；;。]+|(?<!\d),|,(?!\d)/;
const FILLER = /^(的|绩效|自评|报告|整体|表|情况|是|为|和|及|与|、|\s)*$/;
/** A number field's value must start like a number ("支出管理中心" is a name, not an amount). */
const NUMERIC_START =
  /^[-+\d０-９零〇一二三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟两.≥≤<>大小不低高超过于达约近]/;
const NUMERIC_TYPES = new Set(["money", "percent", "points", "year"]);
const MONEY_NOUN = /^(?:项目|部门|总)?(?:预算|资金)(?:数|总额)?[\s：:是为达共计]*(?=[-+\d０-９])/;
/** Words between a label and its number: "为", "是", "共计", and "也是" / "均为" / "同样是" of a repeated figure. */
const CONNECTOR =
  /^(?:[\s：:]|也是|也为|亦为|均为|都是|同样是|同为|达到|[是为达共计合总累了])*(数)?[\s：:是为]*/;
const APPROXIMATE = /(?:大约|大概|约|估计|预计)$/;
const SHARED_WORDS = ["均为", "都是", "均是", "皆为", "同为"];

/**
 * "年初预算和调整后预算均为318.91万元": several labels sharing one value. The same split as
 * `/^(.+?[和及与、].+?)(均为|都是|均是|皆为|同为)(.+)$/` — the first 和/及/与/、 after the first
 * character, then the first shared word at least one character after it with text behind it — in
 * one pass instead of the regular expression's rescans (quadratic on a long clause of 、).
 * Returns [labels, shared word, value], or null.
 */
export function splitShared(clause: string): [string, string, string] | null {
  if (/[\n\r\u2028\u2029]/.test(clause)) return null;
  const j = clause.slice(1).search(/[和及与、]/) + 1;
  if (j < 1) return null;
  for (let k = j + 2; k + 2 < clause.length; k++) {
    const word = clause.slice(k, k + 2);
    if (SHARED_WORDS.includes(word)) return [clause.slice(0, k), word, clause.slice(k + 2)];
  }
  return null;
}

function byLength(fields: readonly NamedField[]): { field: NamedField; alias: string }[] {
  return fields
    .flatMap((field) => field.aliases.map((alias) => ({ field, alias })))
    .sort((a, b) => b.alias.length - a.alias.length);
}

const GLOBAL_ALIASES = byLength(GLOBAL_FIELDS);
const SUBJECT_ALIASES = new Map<Subject, ReturnType<typeof byLength>>(
  SUBJECTS.map((s) => [s, byLength(s.fields)]),
);
const DEFAULT_SUBJECT = SUBJECTS[0] as Subject;

/**
 * Reads every labelled fact in a message: "年初预算561.41万，调整后561.41万，执行545.06万",
 * "单位：…；年度：2021", "三公经费预算0万元，实际支出0万元". A topic (三公经费, 政府采购, 基本支出 …)
 * carries over to the following clauses of the same line. `assumeWan` reads bare amounts as 万元;
 * `strict` (the question asked for these figures) reports a named field with an unreadable value
 * instead of passing over it.
 */
export function extractFacts(text: string, assumeWan: boolean, strict = false): Facts {
  const out: Facts = { hits: [], problems: [], leftovers: [] };
  for (const rawLine of text.split(/\n+/)) {
    const line = takeColonFields(rawLine, out, assumeWan);
    let subject = DEFAULT_SUBJECT;
    for (const rawClause of line.split(CLAUSE)) {
      let clause = takeImplicit(rawClause.trim(), out);
      if (clause === "" || FILLER.test(clause)) continue;
      // "其中商品和服务支出491.21万元" is a part of a total: never the total's 执行数, nor a topic
      // for the clauses after it.
      if (/^其中/.test(clause)) {
        out.leftovers.push(clause);
        continue;
      }
      // A parenthesis ("含1个年初结转结余项目50万元") is an aside, not the clause's topic.
      const topic = removeBracketAsides(clause);
      const named = SUBJECTS.slice(1).find((s) => s.words.test(topic));
      if (named !== undefined) {
        subject = named;
        clause = clause.replace(named.words, "").trim();
      } else if (DEFAULT_SUBJECT.words.test(clause) && !/^预算执行/.test(clause)) {
        subject = DEFAULT_SUBJECT;
      }
      if (takeShared(clause, SUBJECT_ALIASES.get(subject) ?? [], out, assumeWan)) continue;
      if (takeAlias(clause, GLOBAL_ALIASES, out, assumeWan, true)) continue;
      if (!takeAlias(clause, SUBJECT_ALIASES.get(subject) ?? [], out, assumeWan, false, strict))
        out.leftovers.push(named === undefined ? clause : rawClause.trim());
    }
  }
  return out;
}

/** "单位：xxx" / "年度履职目标：…；…" — a label with a colon takes the rest of the line up to the next label. */
function takeColonFields(line: string, out: Facts, assumeWan: boolean): string {
  const labels = GLOBAL_ALIASES.map((a) => a.alias.replace(/[()（）]/g, "\\$&")).join("|");
  const re = new RegExp(`(${labels})\\s*[：:]`, "g");
  const marks = [...line.matchAll(re)];
  if (marks.length === 0) return line;
  let rest = line.slice(0, marks[0]?.index ?? 0);
  marks.forEach((m, k) => {
    const next = marks[k + 1];
    const start = (m.index ?? 0) + m[0].length;
    const value = line.slice(start, next?.index ?? line.length).replace(/^\s+|[\s，,；;。]+$/g, "");
    const alias = GLOBAL_ALIASES.find((a) => a.alias === m[1]);
    if (alias !== undefined) record(alias.field, value, out, assumeWan);
  });
  rest = rest.trim();
  return rest;
}

/** Facts officers state without a label: "2021年度", "部门整体", "项目支出绩效自评". */
function takeImplicit(clause: string, out: Facts): string {
  // "2018年度政务网等运行维护费项目支出绩效自评": a title's year, project and kind in one clause.
  if (/^(?:19|20)\d{2}\s*年/.test(clause) && /绩效(?:自评|评价)/.test(clause)) {
    const title = readReportTitle(/报告$/.test(clause) ? clause : `${clause}报告`);
    if (title?.year !== undefined && title.kind === "project" && title.project !== undefined) {
      push(out, "年度", title.year);
      push(out, "报告类型", "project");
      push(out, "项目名称", title.project);
      if (title.unit !== undefined) push(out, "单位名称", title.unit);
      return "";
    }
  }
  let rest = clause;
  const year = rest.length <= 30 ? rest.match(/(20\d{2})\s*年度/) : null;
  if (year?.[1] !== undefined) {
    push(out, "年度", Number(year[1]));
    rest = rest.replace(year[0], "");
  }
  if (/部门整体/.test(rest)) {
    push(out, "报告类型", "department");
    rest = rest.replace(/部门整体(支出)?/, "");
  } else if (/项目支出绩效|项目(绩效)?自评/.test(rest)) {
    push(out, "报告类型", "project");
    rest = rest.replace(/项目(支出)?/, "");
  }
  return rest.trim();
}

/** "年初预算和调整后预算均为318.91万元": each label takes the value, or the clause is read as usual. */
function takeShared(
  clause: string,
  aliases: ReturnType<typeof byLength>,
  out: Facts,
  assumeWan: boolean,
): boolean {
  const m = splitShared(clause);
  if (m === null) return false;
  const value = m[2];
  const parts = m[0].split(/[和及与、]/).map((p) => p.trim());
  const trial: Facts = { hits: [], problems: [], leftovers: [] };
  for (const part of parts) {
    if (part === "" || !takeAlias(`${part}${value}`, aliases, trial, assumeWan, false)) return false;
  }
  out.hits.push(...trial.hits);
  out.problems.push(...trial.problems);
  return true;
}

function push(out: Facts, label: string, value: Json): void {
  const field = GLOBAL_FIELDS.find((f) => f.label === label);
  if (field !== undefined) out.hits.push({ field, value });
}

function takeAlias(
  clause: string,
  aliases: ReturnType<typeof byLength>,
  out: Facts,
  assumeWan: boolean,
  atStart: boolean,
  strict = false,
): boolean {
  for (const { field, alias } of aliases) {
    const at = clause.indexOf(alias);
    if (at < 0 || (atStart && at > 0)) continue;
    let value = clause.slice(at + alias.length).replace(CONNECTOR, "");
    // "大约执行了191万元": a word of approximation before the label still makes the figure a guess.
    if (NUMERIC_TYPES.has(field.type) && APPROXIMATE.test(clause.slice(0, at))) value = `约${value}`;
    // "调整预算后项目预算861.46万元": the alias names the figure, a short noun repeats what it is.
    if (field.type === "money") value = value.replace(MONEY_NOUN, "");
    if (value === "" || (!strict && NUMERIC_TYPES.has(field.type) && !NUMERIC_START.test(value))) continue;
    record(field, value, out, assumeWan);
    return true;
  }
  return false;
}

function record(field: NamedField, value: string, out: Facts, assumeWan: boolean): void {
  const read = readValue(field, value, assumeWan);
  if (read.ok)
    out.hits.push(
      read.value.note === undefined ? { field, value: read.value.value } : { field, ...read.value },
    );
  else out.problems.push(read.error);
}
