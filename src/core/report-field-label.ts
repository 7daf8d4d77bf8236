/**
 * Names a place in the report model the way an officer reads the report, not the way the code
 * stores it: `indicators[0].groups[1].indicators[2].weight` becomes
 * "绩效指标“产出指标 / 数量指标 / 安装坡面水标尺”的分值". Used wherever a report field reaches a
 * person (validation problems, values that could not be read), so no raw path or English key is shown.
 */

const FIELD_NAMES: Record<string, string> = {
  kind: "报告类型",
  unit: "单位",
  name: "名称",
  region: "所在地区",
  parent: "主管部门",
  project: "项目名称",
  year: "年度",
  schemeId: "评分办法",
  schemeBlocks: "一级指标和分值",
  preparer: "填报人",
  phone: "联系电话",
  goals: "年度目标",
  text: "内容",
  status: "完成情况",
  tasks: "年度主要任务",
  budget: "预算情况",
  initial: "年初预算数",
  adjusted: "调整后预算数",
  executed: "预算执行数",
  reportedRate: "执行率",
  declaredTotal: "申报预算总额",
  weight: "分值",
  score: "得分",
  sources: "资金来源",
  fiscal: "财政资金",
  other: "其他资金",
  structure: "资金结构",
  basic: "基本支出",
  threePublicExpenses: "三公经费",
  procurement: "政府采购",
  carryover: "结转结余",
  amount: "金额",
  funds: "资金到位",
  planned: "应到位资金",
  received: "实际到位资金",
  staff: "人员",
  authorized: "编制数",
  actual: "实际完成值",
  content: "主要内容",
  executedFiscal: "财政资金执行数",
  indicators: "绩效指标",
  groups: "二级指标",
  target: "指标值",
  completion: "完成程度",
  deviationReason: "偏差原因",
  common: "通用指标",
  summary: "得分汇总",
  blocks: "一级指标得分",
  totalRow: "合计行",
  total: "自评得分",
  grade: "评价等级",
  rate: "得分率",
  narrative: "叙述部分",
  title: "标题",
  source: "来源",
};

/** Words of a 年度主要任务 row, where the same keys mean the task's own figures. */
const TASK_FIELD_NAMES: Record<string, string> = {
  budget: "预算资金",
  fiscal: "其中财政资金",
  executed: "预算执行数",
  status: "完成情况",
};

/** What a context object may tell about the element at a path: its own name or title. */
type Named = { name?: unknown; title?: unknown };

function nameOf(node: unknown): string | undefined {
  if (typeof node !== "object" || node === null) return undefined;
  const { name, title } = node as Named;
  if (typeof name === "string" && name.trim() !== "") return name.trim();
  if (typeof title === "string" && title.trim() !== "") return title.trim();
  return undefined;
}

function child(node: unknown, key: PropertyKey): unknown {
  if (typeof node !== "object" || node === null) return undefined;
  return (node as Record<PropertyKey, unknown>)[key];
}

/**
 * A Chinese label for a field of a report. `data` (the report or the fragment as read) supplies
 * names of indicators, tasks and sections on the way, so a row is named as the table names it;
 * without a name an element is numbered ("第3个三级指标").
 */
export function reportFieldLabel(path: ReadonlyArray<PropertyKey>, data?: unknown): string {
  const [head] = path;
  if (head === "indicators") return indicatorLabel(path, data);
  const parts: string[] = [];
  let node = data;
  let listName = "";
  for (const key of path) {
    node = child(node, key);
    if (typeof key === "number") {
      const named = nameOf(node);
      parts.push(named === undefined ? `${listName}第${key + 1}项` : `${listName}“${named}”`);
      listName = "";
      continue;
    }
    const inTask = path[0] === "tasks" && parts.length > 0;
    const word =
      (inTask ? TASK_FIELD_NAMES[String(key)] : undefined) ?? FIELD_NAMES[String(key)] ?? String(key);
    if (listName !== "") parts.push(listName);
    listName = "";
    if (Array.isArray(node) || key === "tasks" || key === "narrative" || key === "blocks") listName = word;
    else parts.push(word);
  }
  if (listName !== "") parts.push(listName);
  return joinParts(parts);
}

const LEVELS = ["一级指标", "二级指标", "三级指标"];

function indicatorLabel(path: ReadonlyArray<PropertyKey>, data: unknown): string {
  const names: string[] = [];
  const rest: string[] = [];
  let node = child(data, "indicators");
  let level = 0;
  for (const key of path.slice(1)) {
    if (typeof key === "number") {
      node = child(node, key);
      names.push(nameOf(node) ?? `第${key + 1}个${LEVELS[level] ?? "指标"}`);
      level += 1;
    } else if (key === "groups" || key === "indicators") {
      node = child(node, key);
    } else {
      rest.push(FIELD_NAMES[String(key)] ?? String(key));
    }
  }
  const where = names.length === 0 ? "绩效指标" : `绩效指标“${names.join(" / ")}”`;
  return rest.length === 0 ? where : `${where}的${rest.join("")}`;
}

function joinParts(parts: readonly string[]): string {
  return parts.reduce((out, part, i) => (i === 0 ? part : `${out}的${part}`), "");
}
