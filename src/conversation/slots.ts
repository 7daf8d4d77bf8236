import { fail, ok, type Result } from "../core/result.ts";
import { STATED_EXAMPLE, STATED_SCHEME_LABEL } from "../scoring/stated-scheme.ts";
import { TABLE_SCHEME_ID, TABLE_SCHEME_NAMES } from "../scoring/table-scheme.ts";
import { asArray, asObject, hasSection, textAt } from "./draft-access.ts";
import { changesForFacts } from "./fact-changes.ts";
import { extractFacts } from "./facts.ts";
import { GLOBAL_FIELDS } from "./field-catalog.ts";
import { readValue } from "./field-values.ts";
import { indicatorSlots } from "./indicator-slots.ts";
import { narrativeConcerns, noProblemsFollowUp } from "./narrative-review.ts";
import { familyOfDraft, narrativeSlotsFor } from "./narrative-slots.ts";
import { type Change, changeTo, getIn, type Json } from "./patch.ts";
import { obviousScheme, schemeOfRegionNamed, schemesForRegion } from "./scheme-choice.ts";
import type { Proposal, Slot, SlotContext } from "./slot-types.ts";
import { STATED_PROMPT, statedBlocksAnswer } from "./stated-blocks.ts";

function field(label: string) {
  const f = GLOBAL_FIELDS.find((x) => x.label === label);
  if (f === undefined) throw new Error(`unknown field ${label}`);
  return f;
}

/** A slot answered by one global field. */
function single(
  ctx: SlotContext,
  key: string,
  label: string,
  question: string,
  extra?: (value: Json) => Proposal["changes"],
): Slot {
  const f = field(label);
  return {
    key,
    field: f.label,
    question,
    example: f.example,
    filled: getIn(ctx.doc, f.path) !== undefined && getIn(ctx.doc, f.path) !== "",
    answer(text) {
      const read = readValue(f, text, false);
      if (!read.ok) return read;
      const change = changeTo(ctx.doc, f.path, read.value.value);
      const changes = change === null ? [] : [change];
      return ok({
        changes: [...changes, ...(extra?.(read.value.value) ?? [])],
        summary: `${f.label}：${text.trim()}`,
        notes: [],
      });
    },
  };
}

/** Facts-based answer: the message may name several fields; `prefix` is a topic put in front when none is named. */
function factsSlot(
  ctx: SlotContext,
  key: string,
  fieldName: string,
  question: string,
  example: string,
  filled: boolean,
  prefix = "",
): Slot {
  return {
    key,
    field: fieldName,
    question,
    example,
    filled,
    answer(text) {
      const positional = positionalBudget(text, prefix);
      const facts = extractFacts(
        positional ?? (prefix !== "" && !text.includes(prefix) ? prefix + text : text),
        true,
        true,
      );
      const first = facts.problems[0];
      if (first !== undefined) return { ok: false, error: first };
      if (facts.hits.length === 0)
        return fail("answer.unread", `没有读到“${fieldName}”的数字。请按这样回答：${example}`, fieldName);
      const { changes, lines, notes } = changesForFacts(ctx.doc, facts.hits);
      return ok({ changes, summary: lines.join("；"), notes });
    },
  };
}

/** "561.41 561.41 545.06" → labelled, in the order the question asked. */
function positionalBudget(text: string, prefix: string): string | null {
  const parts = text.trim().split(/[\s,，、/]+/);
  if (parts.length < 2 || parts.length > 3 || !parts.every((p) => /^[0-9.]+(万元|万|元)?$/.test(p)))
    return null;
  const labels = prefix === "" ? ["年初预算", "调整后预算数", "预算执行数"] : ["预算数", "实际支出"];
  return prefix + parts.map((p, i) => `${labels[i] ?? ""}${p}`).join("，");
}

/** The questions of a report in the order they are asked, each marked filled or not. */
export function buildSlots(ctx: SlotContext): Slot[] {
  const { doc } = ctx;
  const kind = textAt(doc, ["kind"]);
  const slots: Slot[] = [
    { ...single(ctx, "unit", "单位名称", "请问填报单位的全称是？"), answer: (t) => unitAnswer(ctx, t) },
    single(ctx, "year", "年度", "这是哪一年度的自评报告？"),
    {
      ...single(ctx, "kind", "报告类型", "这是部门整体自评，还是某个项目的项目支出自评？"),
      choices: [
        { label: "部门整体", value: "部门整体" },
        { label: "项目支出", value: "项目支出" },
      ],
    },
  ];
  if (kind === "project") slots.push(single(ctx, "project", "项目名称", "项目的名称是？"));
  slots.push(single(ctx, "region", "所在地区", "单位在哪个地区？（用于选择当地的评分办法）"));
  slots.push(schemeSlot(ctx));
  slots.push({ ...preparerSlot(ctx) });
  const goals = single(
    ctx,
    "goals",
    "年度履职目标",
    kind === "project" ? "项目的年度总体目标是什么？" : "部门的年度履职目标是什么？（可直接粘贴）",
  );
  slots.push(kind === "project" ? { ...goals, field: "年度总体目标" } : goals);
  if (kind !== "project")
    slots.push({
      key: "tasks",
      field: "年度主要任务",
      question:
        "请粘贴年度主要任务表（任务名称、主要内容、预算资金、其中财政资金、完成情况、预算执行数、执行率），从 Excel 或 Word 复制即可；没有请回答“无”。",
      example: "任务1: 运维服务外包项目\t运维服务外包项目\t43.3\t43.3\t完成\t40.2\t40.2\t92.84%",
      filled: getIn(doc, ["tasks"]) !== undefined,
      answer: (t) =>
        /^(无|没有|暂无)$/.test(t.trim())
          ? ok({ changes: [{ path: ["tasks"], after: [] }], summary: "年度主要任务：无", notes: [] })
          : fail(
              "answer.table",
              "年度主要任务请以表格形式粘贴（每行一个任务，列之间用制表符或空格分隔），没有请回答“无”。",
              "年度主要任务",
            ),
    });
  const budget = asObject(getIn(doc, ["budget"]));
  slots.push(
    factsSlot(
      ctx,
      "budget",
      "预算情况",
      "请提供预算总额：年初预算数、调整后预算数、预算执行数（单位：万元）。也可以直接粘贴自评表的“预算情况”部分。",
      "年初预算561.41万，调整后561.41万，执行545.06万",
      // 预算执行率 needs the year's budget and what was spent; many tables (全年预算数/全年执行数) have no 年初预算.
      (budget.adjusted !== undefined || budget.initial !== undefined) && budget.executed !== undefined,
    ),
  );
  if (kind !== "project") {
    const three = asObject(budget.threePublicExpenses);
    slots.push(
      factsSlot(
        ctx,
        "three",
        "“三公”经费",
        "“三公”经费的年初预算数和实际支出数是多少？（单位：万元；结转结余率也可以一并告诉我）",
        "三公经费预算12万，实际支出10.5万，结转结余率0%",
        three.budget !== undefined && three.actual !== undefined,
        "三公经费",
      ),
    );
  }
  slots.push({
    key: "indicators",
    field: "绩效指标",
    question:
      "请粘贴绩效指标表（一级指标、二级指标、三级指标、指标值、度量单位、实际完成值、分值、得分），从 Excel 或 Word 复制即可。",
    example: "产出指标 (40分)\t重点工作任务完成\t全区网络的接入率\t≥99%\t%\t100%\t5\t5",
    filled: getIn(doc, ["indicators"]) !== undefined,
    answer: (t) =>
      /^(无|没有|暂无)$/.test(t.trim())
        ? ok({ changes: [{ path: ["indicators"], after: [] }], summary: "绩效指标：无", notes: [] })
        : fail(
            "answer.table",
            "绩效指标请以表格形式粘贴（每行一个三级指标，列之间用制表符分隔）；没有请回答“无”。",
            "绩效指标",
          ),
  });
  slots.push(...indicatorSlots(ctx));
  for (const n of narrativeSlotsFor(familyOfDraft(doc, ctx.schemes))) {
    slots.push({
      key: `section:${n.id}`,
      field: n.title.replace(/^[一二三四五六七八九十]+、/, ""),
      question: n.question,
      example: n.example,
      filled: hasSection(doc, n.id),
      answer: (raw) => {
        const insist = /^(确认没有问题|坚持|确实没有问题)$/.test(raw.trim());
        if (!insist) {
          const followUp = noProblemsFollowUp(n.id, raw, ctx.card);
          if (followUp !== undefined) return fail("answer.no_problems", followUp, n.title);
        }
        const text = (insist ? "无" : raw).trim();
        const sections = asArray(getIn(doc, ["narrative"])).filter((s) => asObject(s).id !== n.id);
        const after = [...sections, { id: n.id, title: n.title, text }];
        const change = changeTo(doc, ["narrative"], after);
        const concerns = insist ? undefined : narrativeConcerns(n.id, text, ctx);
        return ok({
          changes: change === null ? [] : [change],
          summary: `${n.title}：${clipText(text, 30)}`,
          notes: [],
          ...(concerns === undefined ? {} : { confirm: concerns }),
        });
      },
    });
  }
  return slots;
}

function unitAnswer(ctx: SlotContext, text: string): Result<Proposal> {
  const name = text.trim();
  if (name.length < 2 || name.length > 60 || /^[\d\s.%]+$/.test(name))
    return fail(
      "answer.unit",
      `“单位名称”应为单位全称（2–60 个字），例如：郑州市金水区电子政务中心`,
      "单位名称",
    );
  const change = changeTo(ctx.doc, ["unit", "name"], name);
  return ok({ changes: change === null ? [] : [change], summary: `单位名称：${name}`, notes: [] });
}

/**
 * Choices the engine makes itself once their inputs are known: the scoring scheme, when the region
 * and kind fit exactly one installed scheme. Returned as changes so they are recorded and undoable.
 */
export function autoChanges(
  doc: Json,
  schemes: SlotContext["schemes"],
): { changes: Change[]; lines: string[] } {
  if (textAt(doc, ["schemeId"]) !== undefined) return { changes: [], lines: [] };
  const scheme = obviousScheme(textAt(doc, ["unit", "region"]), textAt(doc, ["kind"]), schemes);
  if (scheme === undefined || textAt(doc, ["kind"]) === undefined) return { changes: [], lines: [] };
  const change = changeTo(doc, ["schemeId"], scheme.id);
  return change === null
    ? { changes: [], lines: [] }
    : { changes: [change], lines: [`评分办法：按地区选用《${scheme.name}》`] };
}

/** The choice that scores by the report's own table when no listed scheme is the region's. */
const TABLE_CHOICE = "按本表结构（报告自身的一级指标和分值）";

function schemeSlot(ctx: SlotContext): Slot {
  const kind = textAt(ctx.doc, ["kind"]);
  const fits = schemesForRegion(textAt(ctx.doc, ["unit", "region"]), kind, ctx.schemes);
  const options = fits.length > 0 ? fits : ctx.schemes.filter((s) => kind === undefined || s.kind === kind);
  return {
    key: "scheme",
    field: "评分办法",
    question: "按哪个评分办法计分？请选择：",
    example: options[0]?.name ?? "",
    choices: [
      ...options.map((s) => ({ label: s.name, value: s.id })),
      { label: TABLE_CHOICE, value: TABLE_SCHEME_ID },
      { label: STATED_SCHEME_LABEL, value: STATED_SCHEME_LABEL },
    ],
    filled: textAt(ctx.doc, ["schemeId"]) !== undefined,
    answer(text) {
      const t = text.trim();
      const index = /^\d+$/.test(t) ? Number(t) - 1 : -1;
      const stated = index === options.length + 1 ? "prompt" : statedBlocksAnswer(ctx.doc, t, true);
      if (stated === "prompt") return ok({ changes: [], summary: STATED_PROMPT, notes: [] });
      if (stated !== null) return stated;
      if (index === options.length || TABLE_SCHEME_NAMES.includes(t) || t === TABLE_CHOICE) {
        const change = changeTo(ctx.doc, ["schemeId"], TABLE_SCHEME_ID);
        return ok({
          changes: change === null ? [] : [change],
          summary: "评分办法：按本表结构（报告自身的一级指标和分值，行规则按财预〔2020〕10号）",
          notes: [],
        });
      }
      const scheme =
        options[index] ??
        ctx.schemes.find((s) => s.id === t || s.name === t || (t.length >= 2 && s.name.includes(t))) ??
        schemeOfRegionNamed(t, kind, ctx.schemes);
      if (scheme === undefined)
        return fail(
          "answer.scheme",
          `没有找到评分办法“${t}”。请回复编号或名称，例如：1 或 ${options[0]?.name ?? ""}；也可以自己说明一级指标和分值，例如：${STATED_EXAMPLE}`,
          "评分办法",
        );
      const change = changeTo(ctx.doc, ["schemeId"], scheme.id);
      return ok({ changes: change === null ? [] : [change], summary: `评分办法：${scheme.name}`, notes: [] });
    },
  };
}

function preparerSlot(ctx: SlotContext): Slot {
  return {
    key: "preparer",
    field: "填表人及联系方式",
    question: "填表人的姓名和联系电话是？",
    example: "刘媛媛 63526383",
    filled: textAt(ctx.doc, ["preparer", "name"]) !== undefined,
    answer(text) {
      const m = text
        .trim()
        .match(
          /^(?:填表人)?[:：]?\s*([\u4e00-\u9fa5·]{2,10})[\s,，、]*(?:电话|联系电话)?[:：]?\s*([0-9\-－]{5,20})?$/,
        );
      if (m?.[1] === undefined)
        return fail(
          "answer.preparer",
          "“填表人及联系方式”请写姓名和电话，例如：刘媛媛 63526383",
          "填表人及联系方式",
        );
      const changes = [
        changeTo(ctx.doc, ["preparer", "name"], m[1]),
        m[2] === undefined ? null : changeTo(ctx.doc, ["preparer", "phone"], m[2]),
      ];
      return ok({
        changes: changes.filter((c) => c !== null),
        summary: `填表人：${m[1]}${m[2] === undefined ? "" : `，电话：${m[2]}`}`,
        notes: [],
      });
    },
  };
}

/** The first `n` characters of a long answer, marked as cut. */
function clipText(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n)}…` : text;
}
