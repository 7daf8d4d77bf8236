import {
  COLON_POINTS,
  CONDITION,
  CONDITION_ONLY,
  CONDITION_START,
  FLOOR_LEAST,
  FLOOR_POINTS,
  FLOOR_ZERO,
  JUDGEMENT,
  NOISE,
  NUMBER,
  OUTCOMES,
  type OutcomeKind,
  PARTIAL_CEIL,
  PARTIAL_PRORATE,
  PROPORTIONAL,
  PROPORTIONAL_BELOW,
  STANDARD,
  STEP,
  STEP_DOWN_WORDS,
} from "./criterion-phrases.ts";
import { type Condition, type Reading, readCondition, readPlain } from "./criterion-values.ts";

/**
 * A 评分标准 cell cut into clauses and each clause read as one kind of statement (see
 * criterion-phrases.ts for the words). A clause that is no known kind is `unknown`; the parser
 * then refuses the whole criterion rather than guess.
 */

/** What a clause earns: full marks, points, a share of the weight, nothing, or points taken off. */
export type Outcome =
  | { kind: "full" }
  | { kind: "fullPoints"; points: number }
  | { kind: "zero" }
  | { kind: "points"; points: number }
  | { kind: "share"; share: number }
  | { kind: "deduct"; points: number };

/** One clause of a criterion, read. `text` is the clause as cut from the cell. */
export type Clause = { text: string } & (
  | { kind: "outcome"; subject: string; condition?: Condition; outcome: Outcome }
  | { kind: "step"; condition?: Condition; down: boolean; per: Condition; deduct: number }
  | { kind: "standard"; condition: Condition }
  | { kind: "floor"; floor: number }
  | { kind: "lose"; points: number }
  | { kind: "partial"; partial: "ceil" | "prorate" }
  | { kind: "judgement" }
  | { kind: "proportional"; condition?: Condition }
  | { kind: "noise" }
  | { kind: "bad"; reason: string }
);

const FULL_WIDTH: Readonly<Record<string, string>> = {
  "％": "%",
  "＞": ">",
  "＜": "<",
  "＝": "=",
  "≧": "≥",
  "≦": "≤",
  "（": "(",
  "）": ")",
  "～": "~",
  "〜": "~",
  "－": "-",
  "—": "-",
  "–": "-",
  "―": "-",
  "−": "-",
  "．": ".",
  "／": "/",
  "＊": "*",
  "＋": "+",
};

/** Full-width digits and signs made ASCII, a line break made a clause break, spaces and quotation marks dropped. */
export function normalizeCriterion(text: string): string {
  return [...text.trim().replace(/\s*[\r\n]+\s*/gu, "，")]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      if (code >= 0xff10 && code <= 0xff19) return String.fromCodePoint(code - 0xfee0);
      return FULL_WIDTH[ch] ?? ch;
    })
    .join("")
    .replace(/[\s“”‘’"'「」『』《》]/gu, "");
}

/** "每" that starts a step ("每低1个百分点"), where a clause begins even without a comma. */
const STEP_START = new RegExp(`(?=每(?:${STEP_DOWN_WORDS.join("|")}|超|高|增|多|上|提))`, "gu");

/** The clauses of a normalised criterion; a clause that only states a condition joins the next. */
export function splitClauses(normalized: string): string[] {
  const pieces = normalized
    .replace(COLON_POINTS_RE, "$1得$2")
    .replace(/(?=否则)/gu, "，")
    .replace(STEP_START, "，")
    .replace(/(?=扣完)/gu, "，")
    .split(/[，,；;。：:！!？?、\n]|\.(?!\d)/u)
    .map((p) => p.replace(/^(?:否则|其中|若|如|凡)/u, ""))
    .filter((p) => p !== "");
  const out: string[] = [];
  let pending = "";
  for (const [index, piece] of pieces.entries()) {
    const joined = pending + piece;
    const unknown = readClause(joined) === null;
    // A label before a condition ("项目投资计划完成率,100%:5分") is the subject of the next clause.
    const label = unknown && !/\d/u.test(joined) && CONDITION_START_RE.test(pieces[index + 1] ?? "");
    if ((unknown && CONDITION_ONLY_RE.test(joined)) || label) pending = joined;
    else {
      out.push(joined);
      pending = "";
    }
  }
  if (pending !== "") out.push(pending);
  return out;
}

const CONDITION_ONLY_RE = new RegExp(CONDITION_ONLY, "u");
const CONDITION_START_RE = new RegExp(CONDITION_START, "u");
const COLON_POINTS_RE = new RegExp(COLON_POINTS, "gu");
const STANDARD_RE = new RegExp(STANDARD, "u");
const STEP_RE = new RegExp(STEP, "u");
const PROPORTIONAL_BELOW_RE = new RegExp(PROPORTIONAL_BELOW, "u");
const LEADING_NUMBER = new RegExp(`^${NUMBER}`, "u");
const OUTCOME_RES = (Object.keys(OUTCOMES) as OutcomeKind[]).map(
  (kind) => [kind, new RegExp(`^(.*?)(${CONDITION})?${OUTCOMES[kind]}$`, "u")] as const,
);

/** A subject that ends in letters or in 至/到 right before its number is a damaged comparator ("W100%", "至0"). */
function damagedComparator(subject: string, condition: string): string | null {
  const letters = /[A-Za-z]+$/u.exec(subject)?.[0];
  if (letters !== undefined) {
    const read = readCondition(letters + condition);
    return read.ok ? `“${letters}${condition}”中混有字母，无法识别比较关系` : read.reason;
  }
  if (/[至到]$/u.test(subject)) return `“${subject.slice(-1)}${condition}”不是比较关系（应为≥、≤、>或<）`;
  return null;
}

function outcomeOf(kind: OutcomeKind, number: string | undefined): Reading<Outcome> {
  if (kind === "full" || kind === "zero") return { ok: true, value: { kind } };
  const read = readPlain(number ?? "");
  if (!read.ok) return read;
  if (kind === "points" && read.value === 0) return { ok: true, value: { kind: "zero" } };
  if (kind === "share") return { ok: true, value: { kind, share: read.value / 100 } };
  if (kind === "fullPoints") return { ok: true, value: { kind, points: read.value } };
  return { ok: true, value: { kind, points: read.value } };
}

function readOutcomeClause(text: string): Clause | null {
  for (const [kind, re] of OUTCOME_RES) {
    const match = re.exec(text);
    if (match === null) continue;
    const [, subject = "", conditionText, number] = match;
    // "与计划每相差3%,扣1分": a step this reader does not know, not a band.
    if (subject.includes("每")) return null;
    const outcome = outcomeOf(kind, number);
    if (!outcome.ok) return { text, kind: "bad", reason: outcome.reason };
    if (conditionText === undefined) return { text, kind: "outcome", subject, outcome: outcome.value };
    const damaged = damagedComparator(subject, conditionText);
    if (damaged !== null) return { text, kind: "bad", reason: damaged };
    const condition = readCondition(conditionText);
    if (!condition.ok) return { text, kind: "bad", reason: condition.reason };
    return { text, kind: "outcome", subject, condition: condition.value, outcome: outcome.value };
  }
  return null;
}

function readStep(text: string): Clause | null {
  const match = STEP_RE.exec(text);
  if (match === null) return null;
  const [, subject = "", conditionText, word = "", perText = "", deductText = ""] = match;
  if (perText === "") return { text, kind: "bad", reason: "没有写明每多少扣分（例如“每低1个百分点”）" };
  const per = readCondition(LEADING_NUMBER.test(perText) ? perText : `1${perText}`);
  if (!per.ok) return { text, kind: "bad", reason: per.reason };
  const deduct = readPlain(deductText);
  if (!deduct.ok) return { text, kind: "bad", reason: deduct.reason };
  const down = STEP_DOWN_WORDS.includes(word);
  if (conditionText === undefined) return { text, kind: "step", down, per: per.value, deduct: deduct.value };
  const damaged = damagedComparator(subject, conditionText);
  if (damaged !== null) return { text, kind: "bad", reason: damaged };
  const condition = readCondition(conditionText);
  if (!condition.ok) return { text, kind: "bad", reason: condition.reason };
  return { text, kind: "step", condition: condition.value, down, per: per.value, deduct: deduct.value };
}

function readFloor(text: string): Clause | null {
  if (FLOOR_ZERO.some((re) => re.test(text))) return { text, kind: "floor", floor: 0 };
  const lose = FLOOR_POINTS.exec(text);
  const least = lose === null ? FLOOR_LEAST.exec(text) : null;
  const number = lose?.[1] ?? least?.[1];
  if (number === undefined) return null;
  const read = readPlain(number);
  if (!read.ok) return { text, kind: "bad", reason: read.reason };
  return lose !== null
    ? { text, kind: "lose", points: read.value }
    : { text, kind: "floor", floor: read.value };
}

/** A clause longer than this is prose, not a scoring phrase (and would make the patterns slow). */
export const MAX_CLAUSE = 80;

/** Reads one clause (see `Clause`); null when it is no known kind or longer than MAX_CLAUSE. */
export function readClause(text: string): Clause | null {
  if ([...text].length > MAX_CLAUSE) return null;
  if (NOISE.some((re) => re.test(text))) return { text, kind: "noise" };
  const floor = readFloor(text);
  if (floor !== null) return floor;
  if (PARTIAL_CEIL.test(text)) return { text, kind: "partial", partial: "ceil" };
  if (PARTIAL_PRORATE.test(text)) return { text, kind: "partial", partial: "prorate" };
  if (JUDGEMENT.some((re) => re.test(text))) return { text, kind: "judgement" };
  const bare = text.replace(/[()]/gu, "");
  if (PROPORTIONAL.some((re) => re.test(bare))) return { text, kind: "proportional" };
  const below = PROPORTIONAL_BELOW_RE.exec(text);
  if (below !== null) {
    const [, subject = "", conditionText = ""] = below;
    const damaged = damagedComparator(subject, conditionText);
    if (damaged !== null) return { text, kind: "bad", reason: damaged };
    const condition = readCondition(conditionText);
    if (!condition.ok) return { text, kind: "bad", reason: condition.reason };
    return { text, kind: "proportional", condition: condition.value };
  }
  const standard = STANDARD_RE.exec(text);
  if (standard !== null) {
    const condition = readCondition(standard[1] ?? "");
    return condition.ok
      ? { text, kind: "standard", condition: condition.value }
      : { text, kind: "bad", reason: condition.reason };
  }
  return readStep(text) ?? readOutcomeClause(text);
}
