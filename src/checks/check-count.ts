import { removeBracketAsides } from "../core/bracket-asides.ts";
import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import { checkNamedCounts } from "./check-named-count.ts";
import { type SectionRef, sectionFinding, sectionName, sentencesOf } from "./section-text.ts";

/** "共23个项目", "共有项目8个", "共 5 项", "共计12项任务": a stated total of the item list. */
const TOTAL =
  /共(?:有|计)?\s*(?:项目|任务)?\s*(\d+)\s*(?:个\s*(?:项目|任务)|项\s*(?:项目|任务)?(?=[，,。；;：:\s如]|$)|个(?=[，,。；;]))/;
/** "23个项目，如下：" without 共: counted only against a numbered list that follows. */
const BARE = /(\d+)\s*个\s*(?:项目|任务)/;
/** A count that introduces the list after it: "…共23个项目，如下：", "包括：". */
const INTRODUCES_LIST = /(?:如下|分别是|分别为|包括|具体是|具体为)?\s*[:：]\s*$|如下[。.]?\s*$/;
/** Words that make the count a subset of the tasks ("开展绩效监控项目8个", "已完结的项目"). */
const SUBSET = /(监控|自评|评价|完结|完成|新增|结转|续建|在建|未|其中|已)[^，,。；;]{0,6}$/;
/** A list item number at the start of a line or after 。；: (1) （2） 3. 4、 */
const ITEM = /(?:^|[\n。；;：:])\s*(?:[（(](\d{1,3})[)）]|(\d{1,3})[.、．](?!\d))/g;

/** How far after the count its list may begin (characters). */
const LIST_START_WITHIN = 200;

/**
 * Length of the numbered list 1, 2, 3 … that begins right after a count (within 200 characters)
 * in `text`, counting items of the first item's style only ("(1)" or "1."); 0 when there is none.
 */
function numberedListLength(text: string): number {
  let next = 1;
  let style: "paren" | "dot" | undefined;
  for (const m of text.matchAll(ITEM)) {
    const n = Number(m[1] ?? m[2]);
    const mStyle = m[1] === undefined ? "dot" : "paren";
    if (next === 1 && n === 1 && m.index > LIST_START_WITHIN) return 0;
    if (n === next && (style === undefined || style === mStyle)) {
      style = mStyle;
      next += 1;
    }
  }
  return next - 1;
}

interface Stated {
  n: number;
  quote: string;
  against: "list" | "tasks";
  listed: number;
}

function statedCount(text: string, start: number, sentence: string, report: Report): Stated | undefined {
  const after = text.slice(start + sentence.length);
  const listed = numberedListLength(after);
  const total = sentence.match(TOTAL);
  const m = total ?? sentence.match(BARE);
  if (!m || m.index === undefined) return undefined;
  const n = Number(m[1]);
  const quote = sentence.trim();
  if (listed >= 2 && INTRODUCES_LIST.test(sentence.slice(m.index)))
    return { n, quote, against: "list", listed };
  if (total === null || report.tasks.length === 0) return undefined;
  if (SUBSET.test(sentence.slice(0, m.index)) || !/项目|任务/.test(m[0])) return undefined;
  return { n, quote, against: "tasks", listed: report.tasks.length };
}

/**
 * count.mismatch: "共N个项目" / "共N项" stated in a section differs from the items listed — the numbered
 * list (1)…(N) that follows in the same section, or else the report's 年度主要任务 when the sentence
 * counts the whole task list. Counts of a subset ("开展绩效监控项目8个") are not compared.
 */
export function checkCount(refs: readonly SectionRef[], report: Report): Finding[] {
  return [...checkListedCounts(refs, report), ...checkNamedCounts(refs), ...checkAddedCounts(refs)];
}

/** "实施项目共15个": the stated total of projects. */
const PROJECT_TOTAL = /(?:项目)?共(?:有|计)?\s*(\d+)\s*个(?:项目)?/u;
/** "年初批复预算8个项目" / "年初…项目8个": the projects at the start of the year. */
const AT_START = /年初[^，,。；;]{0,12}?(\d+)\s*个\s*项目|年初[^，,。；;]{0,12}?项目\s*(\d+)\s*个/u;
/** "年中增加8个项目" / "新增项目3个": the projects added during the year. */
const ADDED =
  /(?:年中|年内|当年|全年)?(?:新增|增加|追加)[^，,。；;]{0,6}?(\d+)\s*个\s*项目|(?:新增|增加|追加)项目\s*(\d+)\s*个/u;

/**
 * count.mismatch between a stated total of projects and its parts in the same paragraph: "实施项目共
 * 15个…年初批复预算8个项目…年中增加8个项目" (8 + 8 = 16). Text in brackets ("含…5个") is left out,
 * since it counts a part of a part.
 */
function checkAddedCounts(refs: readonly SectionRef[]): Finding[] {
  return refs.flatMap((ref) =>
    ref.text.split(/\n+/).flatMap((paragraph): Finding[] => {
      const plain = removeBracketAsides(paragraph);
      const total = PROJECT_TOTAL.exec(plain);
      const start = AT_START.exec(plain);
      const added = ADDED.exec(plain);
      if (total === null || start === null || added === null) return [];
      const n = Number(total[1]);
      const parts = Number(start[1] ?? start[2]) + Number(added[1] ?? added[2]);
      if (!(total.index < start.index && start.index < added.index) || n === parts) return [];
      return [
        sectionFinding(
          "count.mismatch",
          "warn",
          ref,
          paragraph.trim(),
          `${sectionName(ref)}说项目共${n}个，但年初${start[1] ?? start[2]}个加年中增加${added[1] ?? added[2]}个是${parts}个。请核对项目数。`,
          { expected: parts, actual: n },
        ),
      ];
    }),
  );
}

function checkListedCounts(refs: readonly SectionRef[], report: Report): Finding[] {
  return refs.flatMap((ref) =>
    sentencesOf(ref.text).flatMap(({ text: sentence, start }): Finding[] => {
      const s = statedCount(ref.text, start, sentence, report);
      if (s === undefined || s.n === s.listed) return [];
      const where = s.against === "list" ? "后面列出的编号清单" : "年度主要任务表";
      return [
        sectionFinding(
          "count.mismatch",
          "warn",
          ref,
          s.quote,
          `${sectionName(ref)}说“共${s.n}个”，但${where}有${s.listed}个。请核对数量：补上漏列的项目，或改正总数。`,
          { expected: s.listed, actual: s.n },
        ),
      ];
    }),
  );
}
