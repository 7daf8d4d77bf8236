import type { Finding } from "../core/finding.ts";
import { parseAmount } from "../numbers/index.ts";
import { round, statesValue } from "../scoring/rounding.ts";
import { type SectionRef, sectionFinding, sentencesOf, tight } from "./section-text.ts";

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?)(万元|元|亿元)`;
/** The whole sum before its installments: "经费170万元", "预算资金共50万元". */
const TOTAL = new RegExp(
  `(?<!到账|到位|拨付|拨入|下达)(?:经费|资金|预算|总额|总计|合计|共计|共)(?:为|是|共|计)?${NUM}`,
  "u",
);
/** One installment: "3月到账70万元", "第二批拨付20万元", "到位资金30万元". */
const PART = new RegExp(`(?:到账|到位|拨付|拨入|下达)(?:资金)?${NUM}`, "gu");
/** The text says every installment has come: then they must add up to the whole. */
const ALL_IN = /全部到账|全额到账|全部到位|全额到位|足额到位|足额到账|全部拨付|全额拨付/u;

interface Amount {
  written: string;
  wan: number;
  /** The same figure read in 万元 ("20元" → 20): what it would be had the unit slipped. */
  asWan: number;
  unit: string;
  decimals: number;
}

function amount(figure: string, unit: string): Amount | undefined {
  const a = parseAmount(`${figure}${unit}`);
  if (!a.ok) return undefined;
  const d = figure.split(".")[1]?.length ?? 0;
  const decimals = unit === "元" ? d + 4 : unit === "亿元" ? Math.max(0, d - 4) : d;
  return {
    written: `${figure}${unit}`,
    wan: a.value.wan,
    asWan: Number(figure.replace(/,/g, "")),
    unit,
    decimals,
  };
}

function wan(value: number): string {
  return `${round(value, 6)}万元`;
}

/**
 * budget.subrows_sum for money received in installments after its whole ("经费170万元…3月到账70万元，6月
 * 到账60万元，10月到账20元，11月到账20万元"): when one installment is written in 元 among others in 万元
 * and the parts add up to the whole only if it is read in 万元, the unit slipped (70 + 60 + 20元 + 20 =
 * 150.002万元, with 20万元 = 170); when the text says all the money came (全部到账) and the parts do not
 * add up, the sum is wrong. Parts below the whole are otherwise money still to come, not an error.
 */
export function checkInstallments(refs: readonly SectionRef[]): Finding[] {
  return refs.flatMap((ref) =>
    sentencesOf(ref.text).flatMap(({ text }): Finding[] => {
      const t = tight(text);
      const total = TOTAL.exec(t);
      if (total === null) return [];
      const whole = amount(total[1] ?? "", total[2] ?? "");
      const parts = [...t.slice(total.index + total[0].length).matchAll(PART)].flatMap((m) => {
        const a = amount(m[1] ?? "", m[2] ?? "");
        return a === undefined ? [] : [a];
      });
      if (whole === undefined || parts.length < 2) return [];
      const sum = parts.reduce((s, p) => s + p.wan, 0);
      if (statesValue(sum, whole.wan, whole.decimals)) return [];
      const sumText = `${parts.map((p) => p.written).join(" + ")} = ${wan(sum)}`;
      const slipped = parts.filter((p) => p.unit === "元");
      const inWan = parts.some((p) => p.unit === "万元");
      const fixed = parts.reduce((s, p) => s + (p.unit === "元" ? p.asWan : p.wan), 0);
      if (inWan && slipped.length > 0 && statesValue(fixed, whole.wan, whole.decimals)) {
        const names = slipped.map((p) => `“${p.written}”`).join("、");
        return [
          sectionFinding(
            "budget.subrows_sum",
            "warn",
            ref,
            text.trim(),
            `报告称${whole.written}分次到位：${sumText}，与${whole.written}不符。其中${names}与其他各笔的单位不同；若按万元计，合计正好是${whole.written}。请核对这几笔的单位和金额。`,
            { expected: whole.written, actual: wan(sum) },
          ),
        ];
      }
      if (!ALL_IN.test(t)) return [];
      return [
        sectionFinding(
          "budget.subrows_sum",
          "warn",
          ref,
          text.trim(),
          `报告称${whole.written}已全部到位，但各笔到位资金${sumText}，与${whole.written}相差${wan(Math.abs(whole.wan - sum))}。请核对各笔金额。`,
          { expected: whole.written, actual: wan(sum) },
        ),
      ];
    }),
  );
}
