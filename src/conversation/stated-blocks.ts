import { ok, type Result } from "../core/result.ts";
import { normalizeName } from "../scoring/names.ts";
import {
  announcesStatedBlocks,
  readStatedBlocks,
  STATED_EXAMPLE,
  STATED_SCHEME_ID,
  type StatedBlock,
  statedBlocksText,
} from "../scoring/stated-scheme.ts";
import { asArray, textAt } from "./draft-access.ts";
import { type Change, changeTo, getIn, type Json } from "./patch.ts";
import type { Proposal } from "./slot-types.ts";

/** What to say when the officer announces the blocks without listing them. */
export const STATED_PROMPT = `好的，请按“一级指标+分值”说一遍，合计100分，例如：${STATED_EXAMPLE}。说完后我会列出来请您确认。`;

/**
 * "我来说一级指标和分值" with or without the list, or (when `expected`, i.e. the scheme is being asked)
 * the bare list "投入20分，过程20分，产出40分，效益20分": a proposal to score by the stated blocks,
 * always shown for 确认; "prompt" when the list is still to come; null when the message is not about
 * stated blocks. Outside those two cases only a list that adds up to 100 is taken, so ordinary
 * answers are never read as a scheme.
 */
export function statedBlocksAnswer(
  doc: Json,
  text: string,
  expected: boolean,
): Result<Proposal> | "prompt" | null {
  const announced = announcesStatedBlocks(text);
  const read = readStatedBlocks(text);
  if (read === null) return announced ? "prompt" : null;
  if (!read.ok) return announced || expected ? read : null;
  return ok(statedProposal(doc, read.value));
}

/** Saves the blocks and switches the scheme to them; 确认 first, with the blocks listed. */
function statedProposal(doc: Json, blocks: StatedBlock[]): Proposal {
  const changes = [
    changeTo(doc, ["schemeBlocks"], blocks.map((b) => ({ name: b.name, weight: b.weight })) as Json),
    changeTo(doc, ["schemeId"], STATED_SCHEME_ID),
  ].filter((c): c is Change => c !== null);
  const list = statedBlocksText(blocks);
  const unmatched = tableBlocksMissing(doc, blocks);
  const warn =
    unmatched.length > 0
      ? `注意：已填的指标表里的一级指标“${unmatched.join("”“")}”不在您说的一级指标中，这些指标将不能计分；可以确认后把指标表的一级指标改成对应的名称。`
      : "";
  return {
    changes,
    summary: `评分办法：按您说的一级指标和分值（${list}，合计100分）`,
    notes: [],
    confirm: [
      `将按您说的一级指标和分值计分：${list}，合计100分。`,
      "每个三级指标按报告所列的评分标准计分，没有列评分标准的，按财预〔2020〕10号的通用规则（未达到指标值按完成比例计分，定性指标按完成档次评分）。",
      warn,
      "回复“确认”按此计分，“取消”放弃。",
    ]
      .filter((x) => x !== "")
      .join("\n"),
  };
}

/** 一级指标 of the indicator table already entered that none of the stated blocks names. */
function tableBlocksMissing(doc: Json, blocks: readonly StatedBlock[]): string[] {
  const stated = new Set(blocks.map((b) => bare(b.name)));
  return asArray(getIn(doc, ["indicators"]))
    .map((_, i) => textAt(doc, ["indicators", i, "name"]))
    .filter((n): n is string => n !== undefined && n !== "" && !stated.has(bare(n)));
}

function bare(name: string): string {
  return normalizeName(name)
    .replace(/指标$/u, "")
    .replace(/[与和及]/gu, "与");
}
