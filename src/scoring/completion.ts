import type { Completion } from "../core/indicators.ts";
import { parsePercent } from "../numbers/index.ts";

/** Words an officer writes as the actual value of a qualitative indicator, by completion band. */
const COMPLETION_WORDS: Record<Completion, readonly string[]> = {
  未达成: [
    "未完成",
    "未达成",
    "未达到",
    "没有完成",
    "未实现",
    "否",
    "不合格",
    "不合规",
    "不健全",
    "不规范",
    "未公开",
  ],
  部分达成: ["部分完成", "部分达成", "基本完成", "基本达成", "基本达到", "部分实现", "基本", "较好", "一般"],
  达成: [
    "完成",
    "已完成",
    "全部完成",
    "达成",
    "达到",
    "实现",
    "是",
    "提高",
    "提升",
    "相关",
    "科学",
    "合理",
    "完整",
    "真实",
    "合规",
    "健全",
    "公开",
    "规范",
    "及时",
    "及时完整",
    "满意",
    "良好",
    "有效",
    "达标",
    "合格",
    "优秀",
  ],
};

/**
 * Infers the completion band of a qualitative indicator from its actual text: the target word
 * itself or a completion word ("达成预期指标" too); "100%" reads as 达成; a qualified target or
 * completion word ("基本健全", "较规范") reads as 部分达成. Returns undefined when the text does not say.
 */
export function inferCompletion(
  actual: string | undefined,
  targetText: string | undefined,
): Completion | undefined {
  if (actual === undefined) return undefined;
  const text = actual.trim();
  if (text === "") return undefined;
  if (targetText !== undefined && text === targetText.trim()) return "达成";
  for (const band of ["未达成", "部分达成", "达成"] as const) {
    if (COMPLETION_WORDS[band].includes(text)) return band;
  }
  // "基本健全", "较规范", "基本达成预期指标": a qualifier before the target or a completion word.
  const hedged = /^(?:基本|较为|较|大部分|部分)(.+)$/u.exec(text)?.[1];
  if (hedged !== undefined && (hedged === targetText?.trim() || COMPLETION_WORDS.达成.includes(hedged)))
    return "部分达成";
  // "达成预期指标", "完成年度目标": a completion word followed by what was met.
  if (/^(?:已?全部|已)?(?:完成|达成|达到|实现)(?:了)?(?:预期|年度|既定|计划)?(?:指标|目标|任务)$/u.test(text))
    return "达成";
  const pct = parsePercent(text);
  if (pct.ok && pct.value.value >= 100) return "达成";
  return undefined;
}
