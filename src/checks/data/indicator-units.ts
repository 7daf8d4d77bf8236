import { z } from "zod";

const IndicatorUnitsSchema = z.object({
  /** Name endings of a rate or share (…率, 满意度): its unit must be % (or 分 for a score scale). */
  rateEndings: z.array(z.string().min(1)),
  /** Name endings of an amount (…金额, …资金, …经费): its unit must be money, never %. */
  amountEndings: z.array(z.string().min(1)),
  /** Units (度量单位, target unit) that are money. */
  moneyUnits: z.array(z.string().min(1)),
  /** Units that count things. */
  countUnits: z.array(z.string().min(1)),
});

/** Which units cannot be right for which indicator names (unit.suspect); extend freely. */
export const INDICATOR_UNITS = IndicatorUnitsSchema.parse({
  rateEndings: [
    "率",
    "满意度",
    "知晓度",
    "完成度",
    "认可度",
    "参与度",
    "覆盖度",
    "达标度",
    "准确度",
    "及时度",
    "比例",
    "比重",
    "占比",
  ],
  amountEndings: ["金额", "资金", "经费", "费用", "总额", "支出额", "投资额"],
  moneyUnits: ["元", "万元", "亿元", "千元"],
  countUnits: [
    "个",
    "次",
    "人",
    "人次",
    "项",
    "件",
    "台",
    "套",
    "家",
    "户",
    "所",
    "座",
    "辆",
    "名",
    "条",
    "份",
    "场",
    "期",
    "批",
  ],
});
