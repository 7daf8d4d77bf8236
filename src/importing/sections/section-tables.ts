/**
 * Recognises the parts of a table that survive text extraction: tab-separated rows, table titles
 * ("各项指标得分情况表", "附表："), unit lines ("单位：万元"), notes ("注：1. 自评采取…") and the short
 * cell fragments a PDF extractor leaves on lines of their own ("填表人及联", "刘媛媛 63526383").
 */

/** Longest line that can be a table title or a stray cell fragment. */
const MAX_TITLE_LENGTH = 40;
const MAX_FRAGMENT_LENGTH = 30;

/** Whether a raw line is a table row: a tab after some content (leading indentation does not count). */
export function isTabRow(raw: string): boolean {
  return raw.trimStart().includes("\t");
}

/** Whether a raw line starts with a tab, which inside a table marks a cell on a line of its own. */
export function isIndentedCell(raw: string): boolean {
  return /^[ \u3000]*\t/.test(raw);
}

/** Whether a cleaned line is a markdown table row (`| a | b |`) or its separator. */
export function isMarkdownRow(text: string): boolean {
  return /^\|.*\|$/.test(text);
}

/** Whether a cleaned line titles a table: short, no sentence punctuation, ending in 表 (附表： included). */
export function isTableTitle(text: string): boolean {
  const body = text.replace(/[：:\s]+$/, "");
  return body.length <= MAX_TITLE_LENGTH && body.endsWith("表") && !/[，,。；;！!？?]/.test(body);
}

/** Whether a cleaned line states a table's unit ("单位：万元", "金额单位：元"). */
export function isUnitLine(text: string): boolean {
  return /^(?:金额)?单位[：:]\s*\S{1,6}$/.test(text);
}

/** Whether a cleaned line starts a note under a table ("注：", "说明：", "备注："). */
export function isTableNote(text: string): boolean {
  return /^(?:注|说明|备注)\s*[：:]/.test(text);
}

/** Whether a line inside a table reads as a stray cell rather than prose that follows the table. */
export function isCellFragment(text: string): boolean {
  return text.length <= MAX_FRAGMENT_LENGTH && !/[。！？!?]$/.test(text);
}
