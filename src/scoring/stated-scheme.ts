import { fail, ok, type Result } from "../core/result.ts";
import { parseNumber } from "../numbers/index.ts";
import { fmt, round } from "./rounding.ts";

/** Id of the scheme built from the 一级指标 and 分值 the officer stated in the chat. */
export const STATED_SCHEME_ID = "officer-stated";
/** What the choice is called in the chat. */
export const STATED_SCHEME_LABEL = "我来说一级指标和分值";

/** One 一级指标 as the officer stated it. */
export interface StatedBlock {
  name: string;
  weight: number;
}

/** The example every message about stated blocks gives. */
export const STATED_EXAMPLE = "投入20分，过程20分，产出40分，效益20分";

/** "我来说一级指标和分值" and its variants: the officer will state the blocks. */
const ANNOUNCE =
  /^(?:那|好)?(?:我来说|我来定|我自己说|我自己定|我说|自己定|自定义?|按我说的|用我说的|按我们的)(?:一下)?(?:一级指标|指标)(?:和|及|与|的)?(?:分值|权重|分数)?/u;
/** A leading label before the list ("一级指标：", "我们的一级指标是"). */
const LEAD =
  /^(?:[^，,。:：]{0,12}?(?:一级指标|评分办法|评分标准|分值)(?:和分值|及分值)?(?:分别)?(?:是|为|如下)?[:：]?\s*)/u;
/** "投入20分" / "产出指标（40分）" / "效益 20" — a name then its 分值. */
const PAIR =
  /([\u4e00-\u9fa5][\u4e00-\u9fa5、与和及]{0,14}?)\s*[（(]?\s*(?:占|为|是|权重|分值)?\s*([0-9０-９.]+|[一二三四五六七八九十百零]+)\s*分?\s*[）)]?(?=[，,、；;。\s]|$)/gu;

/** Every character a list of pairs and separators can hold. */
const LIST_CHARS = /^[\u4e00-\u9fa5、\s（()）0-9０-９.，,；;。]*$/u;

/** True when the words announce that the officer will state the blocks (with or without the list). */
export function announcesStatedBlocks(text: string): boolean {
  return ANNOUNCE.test(text.trim());
}

/**
 * Reads "投入20分，过程20分，产出40分，效益20分" (with or without a leading "一级指标：" or
 * "我来说一级指标和分值："): at least two blocks, each a name and a 分值, nothing else. Null when the
 * text is not such a list; a refusal (in Chinese, with an example) when it is one that cannot be
 * used: a repeated name or 分值 that do not add up to 100.
 */
export function readStatedBlocks(text: string): Result<StatedBlock[]> | null {
  const body = text
    .trim()
    .replace(ANNOUNCE, "")
    .replace(/^[:：，,。\s]+/u, "")
    .replace(LEAD, "")
    .replace(/[。.！!]+$/u, "")
    .trim();
  // A character no pair and no separator can hold: not such a list (skips the pair scan of a paste).
  if (body === "" || !LIST_CHARS.test(body)) return null;
  const blocks: StatedBlock[] = [];
  // The text between the pairs, which must be separators only (one pass: not a copy per pair).
  let rest = "";
  let end = 0;
  for (const m of body.matchAll(PAIR)) {
    rest += body.slice(end, m.index);
    end = m.index + m[0].length;
    const name = (m[1] ?? "").replace(/^(?:和|及|与)/u, "");
    const read = parseNumber(m[2] ?? "");
    if (!read.ok || name === "") return null;
    const weight = read.value.value;
    blocks.push({ name, weight });
  }
  rest += body.slice(end);
  if (blocks.length < 2 || rest.replace(/[，,、；;。\s和及与]/gu, "") !== "") return null;
  const names = new Set<string>();
  for (const b of blocks) {
    if (names.has(b.name))
      return fail(
        "stated.repeat",
        `一级指标“${b.name}”说了两次。请每个一级指标说一次，例如：${STATED_EXAMPLE}`,
      );
    names.add(b.name);
    if (b.weight <= 0 || b.weight > 100)
      return fail(
        "stated.weight",
        `一级指标“${b.name}”的分值${fmt(b.weight)}不在0到100之间。请重说，例如：${STATED_EXAMPLE}`,
      );
  }
  const total = round(
    blocks.reduce((a, b) => a + b.weight, 0),
    2,
  );
  if (Math.abs(total - 100) > 0.005)
    return fail(
      "stated.total",
      `这些一级指标的分值合计${fmt(total)}分，不是100分（${blocks.map((b) => `${b.name}${fmt(b.weight)}分`).join("、")}）。请重说一遍，合计100分，例如：${STATED_EXAMPLE}`,
    );
  return ok(blocks);
}

/** "投入20分、过程20分、产出40分、效益20分" */
export function statedBlocksText(blocks: readonly StatedBlock[]): string {
  return blocks.map((b) => `${b.name}${fmt(b.weight)}分`).join("、");
}
