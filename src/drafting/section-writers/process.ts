import type { SectionKit } from "../section-kit.ts";
import { narrativeMarker } from "../section-needs.ts";

/** "评分依据为《…》，一级指标及分值为“投入”（[[block.input.weight]]）、…": the scheme the figures were scored by. */
function scheme(kit: SectionKit): string {
  const blocks = kit.card.blocks
    .map((b) => (kit.has(`block.${b.id}.weight`) ? `“${b.name}”（[[block.${b.id}.weight]]）` : `“${b.name}”`))
    .join("、");
  const count = kit.has("indicators.count") ? `；共[[indicators.count]]三级指标` : "";
  const full = count !== "" && kit.has("indicators.full") ? `，[[indicators.full]]取得满分` : "";
  const lost =
    count !== "" && (kit.fact("deductions.count")?.value ?? 0) > 0
      ? `，按评分规则失分的有[[deductions.count]]`
      : "";
  return `评分依据为《${kit.card.schemeName}》${blocks === "" ? "" : `，一级指标及分值为${blocks}`}${count}${full}${lost}。`;
}

/** "自评表缺少…（见文末“附：待补充数据”）。": the data gaps found, or "". */
function gaps(kit: SectionKit): string {
  const labels = kit.sheet.missing.map((m) => m.label);
  if (labels.length === 0) return "";
  const named = `${labels.slice(0, 3).join("、")}${labels.length > 3 ? "等数据" : ""}`;
  return `核对自评表时，报告缺少${named}（见文末“附：待补充数据”）。`;
}

/**
 * 绩效自评工作开展情况: how the evaluation was organised is the officer's to tell, so the draft
 * marks it 〔待补充：…〕 (never a stock 成立工作组…); it states only what the report and the rules
 * show: the scheme and its blocks, the rows scored full and with deductions, the figures the report lacks.
 */
export function writeProcess(kit: SectionKit): string {
  return [narrativeMarker("process"), `${scheme(kit)}${gaps(kit)}`].join("\n\n");
}
