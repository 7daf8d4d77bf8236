import { z } from "zod";
import { SectionIdSchema } from "../../core/sections.ts";

/**
 * How an empty answer ("无", "/") is judged per section: `required` = the problems/measures sections
 * (error when points were lost, warn otherwise); `expected` = warn; `optional` = "无" is a fair answer
 * (其他需要说明的问题; 绩效目标与指标设置, whose body is usually the 自评表 itself).
 */
const SectionRulesSchema = z.object({
  required: z.array(SectionIdSchema),
  optional: z.array(SectionIdSchema),
  /** Sections that say there are no problems when they claim none: checked for narrative.contradiction. */
  problems: z.array(SectionIdSchema),
  /** Sections checked for stock phrases (narrative.generic). */
  generic: z.array(SectionIdSchema),
  /** Answers that say nothing, compared after removing spaces and final 。.；. */
  emptyAnswers: z.array(z.string()),
  /** Claims that there are no problems ("未发现问题"); a regular expression source each. */
  noProblemClaims: z.array(
    z
      .string()
      .min(1)
      .refine((source) => {
        try {
          new RegExp(source);
          return true;
        } catch {
          return false;
        }
      }, "不是有效的正则表达式"),
  ),
  /** Words that show a section does describe a problem, so a claim of none is only part of it. */
  problemWords: z.array(z.string().min(1)),
});

/** Section rules for the narrative checks; data so templates can grow without code changes. */
export const SECTION_RULES = SectionRulesSchema.parse({
  required: ["problems", "measures", "problems_measures"],
  optional: ["other", "targets"],
  problems: ["problems", "problems_measures"],
  generic: ["problems", "measures", "problems_measures", "experience"],
  emptyAnswers: [
    "",
    "无",
    "暂无",
    "没有",
    "无此项",
    "不涉及",
    "略",
    "空",
    "/",
    "／",
    "-",
    "--",
    "—",
    "——",
    "－",
  ],
  noProblemClaims: [
    "^(经自评[，,]?)?(本|我)?(部门|单位|中心|局|委|办)?(暂)?(无|没有|未发现|不存在)(明显|重大|突出|主要|其他)?(的)?问题",
    "(未发现|没有发现|不存在|无)(明显|重大|突出|主要)?(的)?(问题|不足)[。.]?$",
  ],
  problemWords: [
    "不足",
    "不够",
    "未能",
    "未完成",
    "偏低",
    "偏高",
    "滞后",
    "差异",
    "较大",
    "欠缺",
    "有待",
    "薄弱",
    "不到位",
    "失分",
    "扣分",
    "偏差",
    "不规范",
    "不完善",
    "不精准",
    "不及时",
  ],
});
