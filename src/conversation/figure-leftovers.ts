import type { Problem } from "../core/result.ts";
import { parsePercent } from "../numbers/index.ts";
import { round } from "../scoring/rounding.ts";
import { computeRate, type DerivedRate, denominatorWords, derivedRateNamed } from "./derived-rates.ts";
import { indicatorRefs } from "./draft-access.ts";
import { changesForFacts } from "./fact-changes.ts";
import { extractFacts, type FactHit } from "./facts.ts";
import { GLOBAL_FIELDS, type NamedField } from "./field-catalog.ts";
import { readValue } from "./field-values.ts";
import { applyChanges, getIn, type Json } from "./patch.ts";

/** A message read for facts: what is taken, what is named as not taken, and what is left for the question. */
export interface FactMessage {
  hits: FactHit[];
  /** Named fields whose value could not be read ("执行数大约191万"). */
  problems: Problem[];
  /** One line per figure that was compared or not taken ("没有记录：“项目总投入318.91万元”——…"). */
  notes: string[];
  /** Clauses with no figure and no budget word: a bare answer to the current question. */
  rest: string[];
}

/** A clause that speaks of money or a rate: never a bare answer, never dropped. */
const BUDGET_WORD = /预算|资金|经费|投入|投资|拨款|批复|决算|支出|总额|总量|到位|执行/;
const WHICH_TAIL = "——请说明是年初预算、调整后预算还是到位资金";
/**
 * An amount or a rate. A match never starts inside a run of digits (or after "digit,"): it would
 * start earlier anyway, and without that guard a long run with no unit is rescanned from each digit.
 */
export const AMOUNT = /[-+]?(?<!\d)(?<!\d,)\d[\d,]*(?:\.\d+)?\s*(?:万元|元|万)/;
/** See AMOUNT. */
export const PERCENT = /(?<!\d)\d+(?:\.\d+)?\s*[%％]/;
/** "资金全部到位", "项目资金已足额拨付到位", "资金均已及时足额到位". */
const ALL_RECEIVED =
  /^(?:项目|本项目)?(?:资金|经费|预算资金|财政资金)?(?:已经?|均已|全部已)?(?:及时|按时)?(?:全部|全额|足额)(?:拨付)?到位$/;
/** "项目资金到位318.91万元", "资金已到位318.91万元". */
const RECEIVED_AMOUNT =
  /^(?:项目|本项目)?(?:资金|经费)(?:已|均已)?(?:全部)?到位(?:资金)?[\s：:为是共计合达]*(?=[-+\d])/;

const field = (label: string): NamedField => {
  const found = GLOBAL_FIELDS.find((f) => f.label === label);
  if (found === undefined) throw new Error(`no field ${label}`);
  return found;
};
const RECEIVED = field("实际到位资金");
const ON_TIME = field("按时到位资金");

/**
 * Reads every fact of a message (see `extractFacts`) and then its leftovers one by one, so that no
 * figure is dropped silently: "资金全部到位" is 到位资金 = the budget when the budget is known;
 * "资金到位318.91万元" is 到位资金; a derived rate (资金到位率, 资金使用率) is compared with what the
 * figures give and never stored, unless an indicator of that name takes it as its 实际完成值; any
 * other amount with a budget word is named with the question that would place it; a "其中" part is
 * named as a part. `doc` is the draft before the message.
 */
export function readFactMessage(doc: Json, text: string): FactMessage {
  const facts = extractFacts(text, false);
  const out: FactMessage = { hits: [...facts.hits], problems: [...facts.problems], notes: [], rest: [] };
  for (const clause of facts.leftovers) readLeftover(doc, clause, out);
  return collapse(listed(out));
}

/**
 * One field with several different values in one message ("项目批复资金12万元…执行数109.87万元"
 * for each of 23 projects) is a list of parts, not the total: none is taken, the field is named.
 */
function listed(out: FactMessage): FactMessage {
  const values = new Map<string, Set<string>>();
  for (const h of out.hits) {
    const k = h.field.path.join(".");
    values.set(k, (values.get(k) ?? new Set()).add(JSON.stringify(h.value)));
  }
  const many = new Set([...values].filter(([, v]) => v.size > 1).map(([k]) => k));
  if (many.size === 0) return out;
  const notes = [...many].map((k) => {
    const hits = out.hits.filter((h) => h.field.path.join(".") === k);
    const label = hits[0]?.field.label ?? k;
    const shown = hits.slice(0, 3).map((h) => String(h.value));
    const more = hits.length > 3 ? "等" : "";
    return `没有记录：这条消息里“${label}”有${hits.length}个不同的数（${shown.join("、")}${more}），像是分项列表而不是总数；请单独说明总数，例如“${label}${hits[0]?.field.example ?? ""}”`;
  });
  return {
    ...out,
    hits: out.hits.filter((h) => !many.has(h.field.path.join("."))),
    notes: [...notes, ...out.notes],
  };
}

/** More than three amounts of unknown kind are named in one line, not one line each. */
function collapse(out: FactMessage): FactMessage {
  const which = out.notes.filter((n) => n.includes(WHICH_TAIL));
  if (which.length <= 3) return out;
  const quotes = which.map((n) => n.match(/“[^”]*”/)?.[0] ?? "");
  const line = `没有记录 ${which.length} 个金额：${quotes.slice(0, 3).join("、")}等${WHICH_TAIL}，例如“调整后预算318.91万元”；分项金额请写进报告的文字部分`;
  return { ...out, notes: [line, ...out.notes.filter((n) => !n.includes(WHICH_TAIL))] };
}

function readLeftover(doc: Json, clause: string, out: FactMessage): void {
  const after = () => applyChanges(doc, changesForFacts(doc, out.hits).changes);
  const money = clause.match(AMOUNT)?.[0]?.replace(/\s+/g, "");
  const percent = clause.match(PERCENT)?.[0]?.replace(/\s+/g, "");
  if (/^其中/.test(clause) && (money !== undefined || percent !== undefined)) {
    out.notes.push(
      `没有记录：“${clause}”——这是其中一部分的数字，自评表只记总数；需要的话请写进报告的文字部分`,
    );
    return;
  }
  if (ALL_RECEIVED.test(clause)) {
    allReceived(after(), clause, out);
    return;
  }
  const received = clause.match(RECEIVED_AMOUNT);
  if (received !== null) {
    const read = readValue(RECEIVED, clause.slice(received[0].length), false);
    if (read.ok) out.hits.push({ field: RECEIVED, value: read.value.value });
    else out.problems.push(read.error);
    return;
  }
  const rate = derivedRateNamed(clause);
  if (rate !== undefined && percent !== undefined) {
    statedRate(doc, after(), clause, rate, percent, out);
    return;
  }
  if (money !== undefined && BUDGET_WORD.test(clause)) {
    const amount = /元$/.test(money) ? money : `${money}元`;
    out.notes.push(`没有记录：“${clause}”${WHICH_TAIL}，例如“调整后预算${amount}”`);
    return;
  }
  out.rest.push(clause);
}

/** "资金全部到位": 到位资金 is the budget it was planned against, when that is known. */
function allReceived(after: Json, clause: string, out: FactMessage): void {
  const base = [
    ["计划投入资金", ["budget", "funds", "planned"]],
    ["调整后预算数", ["budget", "adjusted"]],
    ["年初预算数", ["budget", "initial"]],
  ].flatMap(([label, path]) => {
    const value = getIn(after, path as string[]);
    return typeof value === "string" && value !== "" ? [{ label: label as string, value }] : [];
  })[0];
  if (base === undefined) {
    out.notes.push(
      `没有记录：“${clause}”——还不知道预算数，算不出到位资金；请写明，例如“调整后预算318.91万元，到位资金318.91万元”`,
    );
    return;
  }
  const known = getIn(after, RECEIVED.path);
  if (typeof known === "string" && known !== base.value) {
    out.notes.push(
      `没有记录：“${clause}”与已记录的实际到位资金${known}不一致（${base.label}${base.value}），请核对`,
    );
    return;
  }
  out.hits.push({
    field: RECEIVED,
    value: base.value,
    note: `“${clause}”：实际到位资金按${base.label}记为${base.value}`,
  });
  if (/及时|按时/.test(clause)) out.hits.push({ field: ON_TIME, value: base.value });
}

/**
 * "资金使用率59.93%": the 实际完成值 of an indicator of that name, else compared with what the
 * figures give (after this message's own figures) and not stored, so the report keeps one truth.
 */
function statedRate(
  doc: Json,
  after: Json,
  clause: string,
  rate: DerivedRate,
  percent: string,
  out: FactMessage,
): void {
  const indicator = indicatorRefs(doc).find((r) => rate.words.test(r.name));
  if (indicator !== undefined) {
    const label = `第${indicator.n}个指标“${indicator.name}”的实际完成值`;
    out.hits.push({
      field: { label, aliases: [], path: [...indicator.path, "actual"], type: "text", example: "100%" },
      value: percent,
    });
    return;
  }
  const stated = parsePercent(percent);
  const got = computeRate(after, rate);
  if (!got.ok) {
    const over =
      stated.ok && stated.value.value > rate.max ? `；${percent}超过${rate.max}%，${rate.why}` : "";
    const example = got.missing.includes(rate.numerator.label)
      ? rate.numerator.label
      : (rate.denominators[0]?.label ?? "");
    out.notes.push(
      `没有记录：“${clause}”——${rate.label}由${rate.numerator.label}和${denominatorWords(rate)}算出，不单独保存${over}。请写明${got.missing.join("和")}，例如“${example}318.91万元”`,
    );
    return;
  }
  const decimals = stated.ok ? stated.value.decimals : 2;
  const same = stated.ok && Math.abs(round(got.percent, decimals) - stated.value.value) < 1e-9;
  out.notes.push(
    same
      ? `${rate.label}${percent}与数字一致（${got.working}），由数字算出，不另记录`
      : `没有记录：“${clause}”——与数字算出的不一致（${got.working}），请核对数字`,
  );
}
