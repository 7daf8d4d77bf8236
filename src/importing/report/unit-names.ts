/**
 * What a unit's name looks like in a report's opening lines, as data: the endings of institution
 * names (局, 中心, 卫生院…), bare place names (a region, not a unit), and the labels of the template
 * cells that follow a name when a PDF or web page runs cells together ("…发展和改革局预算编码302001").
 */

/** Endings of a unit's name, longest first where one contains another. */
const INSTITUTION_ENDINGS = [
  "委员会",
  "办公室",
  "办事处",
  "联合会",
  "检察院",
  "卫生院",
  "医院",
  "法院",
  "学院",
  "学校",
  "大学",
  "中心",
  "政府",
  "街道",
  "公司",
  "集团",
  "协会",
  "学会",
  "监狱",
  "局",
  "委",
  "办",
  "院",
  "所",
  "站",
  "队",
  "馆",
  "厅",
  "处",
  "社",
  "会",
  "部",
  "校",
  "园",
  "镇",
  "乡",
  "室",
  "台",
  "署",
] as const;

const HAN = "\\u3400-\\u9fff";
const NAME_CHARS = new RegExp(`^[${HAN}（）()·]+$`, "u");
const INSTITUTION = new RegExp(`(?:${INSTITUTION_ENDINGS.join("|")})$`, "u");
/** A place name alone ("雨花区", "宁德市"): the region a title names, not the unit. */
const PLACE = new RegExp(`^[${HAN}]{1,8}(?:省|市|区|县|州|旗|盟)$`, "u");

/**
 * Labels of template cells that can follow a unit's name on the same line when cells are run
 * together; a name never contains them, so a name read after a label stops at the first of them.
 */
export const FOLLOWING_LABELS = [
  "预算编码",
  "报告日期",
  "填报日期",
  "填报人",
  "联系人",
  "联系电话",
  "负责人",
  "财政处室",
  "自评总分",
  "资金情况",
  "项目资金",
  "年初预算",
  "全年预算",
  "金额单位",
  "主管部门",
  "实施单位",
  "项目名称",
  "项目单位",
  "项目负责人",
] as const;

/** Whether a text is written like a unit's name: Chinese only, 3–40 characters, an institution ending. */
export function looksLikeUnitName(text: string): boolean {
  return text.length >= 3 && text.length <= 40 && NAME_CHARS.test(text) && INSTITUTION.test(text);
}

/** Whether a text is a bare place name ("雨花区"): a region, never taken for the unit. */
export function isPlaceName(text: string): boolean {
  return PLACE.test(text);
}

/**
 * The unit's name at the start of a text that runs on into other cells: the text up to the first
 * following label, space or non-name character ("长沙市雨花区发展和改革局预算编码302001" →
 * "长沙市雨花区发展和改革局"; a trailing "（盖章）" is dropped). Null when what is there is not written
 * like a unit's name (an empty cell followed by the next label, a person, a date), or when a sentence
 * goes on after it ("实施单位相关人员座谈会，了解…" is prose, not a cell).
 */
export function leadingUnitName(text: string): string | null {
  const rest = text.trim();
  let run = /^[\u3400-\u9fff（）()·]+/u.exec(rest)?.[0] ?? "";
  for (const label of FOLLOWING_LABELS) {
    const at = run.indexOf(label);
    if (at >= 0) run = run.slice(0, at);
  }
  if (/^[，。；、！？,;!?]/u.test(rest.slice(run.length))) return null;
  const name = run.replace(/[（(](?:盖章|公章)[)）]$/u, "");
  return looksLikeUnitName(name) ? name : null;
}
