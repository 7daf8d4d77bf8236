/**
 * Template guidance that officers leave in their reports: the grey hint under a heading of the
 * district template ("包括评价得分和各项指标得分情况简要分析等。"). It is the template's text, not the
 * officer's, so the splitter drops it. Compared without whitespace; add new hints as they are seen.
 */
const GUIDANCE_SENTENCES: readonly string[] = [
  "包括评价得分和各项指标得分情况简要分析等。",
  "资金到位情况分析、资金执行情况分析、资金管理情况分析等。",
  "工作目标管理情况、预算和财务管理情况、绩效管理情况等。",
];

const GUIDANCE = new Set(GUIDANCE_SENTENCES.map(compact));

function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

/** Whether a whole line is one of the template's guidance sentences. */
export function isGuidance(line: string): boolean {
  return GUIDANCE.has(compact(line));
}
