import type { ReportKind } from "../../core/report.ts";
import { cleanCell } from "../grid/cell-text.ts";
import { isWrapperLine } from "../grid/page-wrapper.ts";
import { isPlaceName, looksLikeUnitName } from "./unit-names.ts";

/** What a report's title says: "南县财政局2020年度 机关整体支出绩效评价报告". */
export interface ReportTitle {
  line: number;
  /** Last line of a title written over two lines; `line` otherwise. */
  lastLine: number;
  text: string;
  /** Absent when the title names no kind ("2021年度绩效自评报告"). */
  kind?: ReportKind;
  year?: number;
  /** The unit the title names, spaces left by PDF extraction removed. */
  unit?: string;
  /** A bare place name in the unit's position ("雨花区2022年度部门整体…"): the region, not the unit. */
  region?: string;
  /** The project a 项目支出 title names ("关于2018年度政务网等运行维护费项目支出的…" → 政务网等运行维护费). */
  project?: string;
}

/** The report words that end a title: 绩效自评报告, 绩效评价自评报告, 绩效单位自评报告, 绩效自评的报告… */
const ENDING = /的?(?:绩效)?(?:单位)?(?:评价)?(?:自评价?|评价)(?:情况|工作|总结)?的?报告$/u;
/** The kind words before them. A bare 单位 is not one: "XX单位绩效自评报告" names a unit. */
const KIND_WORDS =
  /(部门[(（]单位[)）]整体|部门单位整体|部门整体|机关整体|单位整体|整体|部门|项目)(支出|资金)?$/u;
const YEAR = /(\d{4})年度?/u;
/** A unit named by its place and an institution ending, then at least two characters of project name. */
const UNIT_BEFORE_PROJECT =
  /^([\u3400-\u9fff]{1,8}?(?:省|市|区|县|州|旗|盟)[\u3400-\u9fff]{1,20}?(?:委员会|办公室|办事处|中心|政府|局|委|办|院|所|站|队|馆|厅|社|校))([\u3400-\u9fff（）()]{2,}.*)$/u;
const MAX_TITLE = 60;
/** Meaningful lines looked at for the title: it is the first text of the report, after metadata. */
const TITLE_WINDOW = 12;
/** Text that may follow a title on its line when a page runs cells together: a label, a year, a space. */
const RUN_ON =
  /^(?:\s|部门[(（]单位[)）]名称|单位名称|部门名称|填报单位|报送单位|预算编码|报告日期|[（(]\d{4})/u;

/**
 * Finds the report's own title among the first lines of a document and reads what it says. Lines
 * of a web page's or sharing site's wrapper (索引号, 发布机构, "由会员分享"…) are skipped and not
 * counted; a title may be written over two lines, follow a page number ("1、") or a code
 * ("219001-"), or run on into the template's first cells ("…自评报告部门(单位)名称…").
 */
export function findReportTitle(lines: readonly string[]): ReportTitle | null {
  const nonBlank = lines.map((raw, index) => ({ index, text: cleanCell(raw) })).filter((l) => l.text !== "");
  let seen = 0;
  for (const [k, { index, text }] of nonBlank.entries()) {
    if (isWrapperLine(text)) continue;
    if (++seen > TITLE_WINDOW) return null;
    const one = titleAtStart(text);
    if (one !== null) {
      // The project may stand in brackets on the line below: "(教育专项工作经费)".
      const below = nonBlank[k + 1];
      const bracket = /^[（(]([^（()）]{2,40})[)）]$/u.exec(below?.text ?? "")?.[1];
      // A year line below ("（2021年度）") is read as the year line it is, not as part of the title.
      const named =
        bracket === undefined || /^\d{4}\s*年度?$/u.test(bracket) ? one : withProject(one, bracket);
      if (below === undefined || named === one) return { line: index + 1, lastLine: index + 1, ...one };
      return { line: index + 1, lastLine: below.index + 1, ...named };
    }
    // A title broken over two lines: the second line is no title by itself ("绩效自评报告").
    const next = nonBlank[k + 1];
    if (next === undefined || isWrapperLine(next.text) || text.length + next.text.length > MAX_TITLE)
      continue;
    if (titleAtStart(next.text) !== null) continue;
    const two = readReportTitle(`${stripPrefix(text)}${stripPrefix(next.text)}`);
    if (two !== null) return { line: index + 1, lastLine: next.index + 1, ...two };
  }
  return null;
}

/**
 * A title at the start of a line: alone; with the project in brackets after it ("…自评报告(春节慰问
 * 经费项目)", the bracket sometimes never closed); running on into the template's first cells; or,
 * where a page lost its line breaks, running on into the report's first sentence when the title
 * names a year or a unit ("2018年度项目支出绩效自评报告根据…").
 */
function titleAtStart(text: string): Omit<ReportTitle, "line" | "lastLine"> | null {
  const stripped = stripPrefix(text);
  const whole = readReportTitle(stripped);
  if (whole !== null) return whole;
  for (let at = stripped.indexOf("报告"); at >= 0 && at < MAX_TITLE; at = stripped.indexOf("报告", at + 2)) {
    const rest = stripped.slice(at + 2);
    const title = readReportTitle(stripped.slice(0, at + 2));
    if (title === null) continue;
    const bracket = /^\s*[（(]([^（()）]{2,40})(?:[)）]\s*)?$/u.exec(rest)?.[1];
    if (bracket !== undefined) return withProject(title, bracket);
    if (RUN_ON.test(rest) || (rest.length > 20 && (title.year !== undefined || title.unit !== undefined)))
      return title;
  }
  return null;
}

/**
 * A project named in brackets after or below a title ("(教育专项工作经费)"): the title's project; a year
 * in brackets ("（2021年度）") is the title's year. The title itself when the bracket says neither.
 */
function withProject<T extends { kind?: ReportKind; project?: string; year?: number }>(
  title: T,
  bracket: string,
): T {
  const project = bracket.trim();
  // "（2021年度）" after a title is its year.
  const year = /^(\d{4})\s*年度?$/u.exec(project)?.[1];
  if (year !== undefined) return title.year === undefined ? { ...title, year: Number(year) } : title;
  if (title.kind === "department" || /[，,。；;：:]/u.test(project)) return title;
  return { ...title, kind: "project", project };
}

/** Drops what a page or a list puts before a title: "1、" page numbers, "219001-" codes, "附件2：". */
function stripPrefix(text: string): string {
  return text
    .replace(/^附件\s*\d*\s*[:：]?\s*/u, "")
    .replace(/^\d{1,3}\s*(?:、|[.．](?!\d))\s*/u, "")
    .replace(/^\d{4,}\s*[-－—_]\s*/u, "")
    .trim();
}

/**
 * Reads one line as a report title; null when it is not one. The grammar is [unit] [关于] [year]
 * [unit or project] kind-words report-words: "2021 年度郑州市金水区智慧城市管理中心 部门整体绩效自评报告",
 * "XX局关于XX项目绩效自评的报告", "红河州数据发展中心2024年度项目支出绩效单位自评报告". In a department
 * report the named text is the unit; in a project report the text after the year is the project and
 * the text before it the unit. Nothing is completed ("电子政务中心" stays as written).
 */
export function readReportTitle(text: string): Omit<ReportTitle, "line" | "lastLine"> | null {
  const compact = text.replace(/\s+/g, "").replace(/[《》]/g, "");
  if (compact.length > MAX_TITLE || /[，,。；;！!？?：:|｜]/.test(compact)) return null;
  const ending = ENDING.exec(compact);
  if (ending === null) return null;
  const body = compact.slice(0, ending.index);
  const kindMatch = KIND_WORDS.exec(body);
  const kindText = kindMatch?.[1];
  const kind: ReportKind | undefined =
    kindText === undefined ? undefined : kindText === "项目" ? "project" : "department";
  const named = kindMatch === null ? body : body.slice(0, kindMatch.index);
  // "部门整体支出及项目支出绩效评价报告" titles a page holding two reports, not one of them.
  if (/[及和与、]$/u.test(named)) return null;
  const about = named.indexOf("关于");
  const lead = about >= 0 ? named.slice(0, about) : "";
  const main = about >= 0 ? named.slice(about + 2) : named;
  const yearMatch = YEAR.exec(main);
  const before = yearMatch === null ? "" : main.slice(0, yearMatch.index);
  const after = yearMatch === null ? main : main.slice(yearMatch.index + yearMatch[0].length);
  const year = yearMatch?.[1] === undefined ? undefined : Number(yearMatch[1]);
  if (/\d/.test(lead + before + after)) return null;
  const parts = { text, kind, year, ...namedParts(kind, kindMatch, lead, before, after, yearMatch !== null) };
  // Without kind words or a year, only a name written like a unit's makes the line a title.
  if (kind === undefined && year === undefined && !looksLikeUnitName(parts.unit ?? "")) return null;
  return Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined)) as Omit<
    ReportTitle,
    "line" | "lastLine"
  >;
}

/** Who and what a title names: unit, region and project, from the texts around its year. */
function namedParts(
  kind: ReportKind | undefined,
  kindMatch: RegExpExecArray | null,
  lead: string,
  before: string,
  after: string,
  hasYear: boolean,
): { unit?: string; region?: string; project?: string } {
  const unbracket = (t: string) => t.replace(/^[（(]|[)）]$/g, "").replace(/的$/, "");
  if (kind === "project") {
    let unitText = unbracket(lead || before);
    let projectText = unbracket(after);
    // "2022年西平县交通运输局财政衔接…项目": a place-named unit before the project.
    const split = unitText === "" ? UNIT_BEFORE_PROJECT.exec(projectText) : null;
    if (split?.[1] !== undefined && split[2] !== undefined) [unitText, projectText] = [split[1], split[2]];
    // Without a year or 关于 the named text is a unit when it is written like one, and otherwise
    // too uncertain to be the project ("残联项目绩效自评报告": 残联 is the federation, not a project).
    if (!hasYear && lead === "") return looksLikeUnitName(projectText) ? named(projectText) : {};
    // "XX项目支出" is XX's spending; in "XX项目" and "XX项目资金" the words belong to the name.
    const suffix = kindMatch?.[2] === "支出" ? "" : `项目${kindMatch?.[2] ?? ""}`;
    const project = projectText === "" ? "" : projectText + suffix;
    return { ...named(unitText), ...(project.length >= 2 ? { project } : {}) };
  }
  const first = unbracket(before || lead);
  const second = unbracket(after);
  if (second !== "" && (first === "" || isPlaceName(first))) return { ...named(first), ...named(second) };
  return named(first || second);
}

function named(text: string): { unit?: string; region?: string } {
  if (text.length < 2) return {};
  return isPlaceName(text) ? { region: text } : { unit: text };
}
