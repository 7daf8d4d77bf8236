import { installedSchemes } from "../../services/scheme-files.ts";
import { type CliIo, EXIT, pad } from "./output.ts";

/** `ziping schemes [--json]`: lists the installed scoring schemes and their block weights. */
export function schemesCommand(io: CliIo, json: boolean): number {
  const all = installedSchemes();
  if (!all.ok) {
    io.err(all.error.message);
    return EXIT.badInput;
  }
  if (json) {
    io.out(
      JSON.stringify(
        all.value.map((s) => ({
          id: s.id,
          name: s.name,
          kind: s.kind,
          region: s.region,
          blocks: s.blocks.map((b) => ({ id: b.id, name: b.name, weight: b.weight })),
        })),
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  io.out(
    "已安装的评分方案（新增地区只需在 src/scoring/schemes/ 放一个 JSON 文件，或用 --scheme 文件路径）：\n",
  );
  for (const s of all.value) {
    const kind = s.kind === "department" ? "部门整体" : "项目支出";
    io.out(`${pad(s.id, 38)}${kind}  ${s.name}`);
    const budget = s.blocks.some((b) => b.source === "budget")
      ? `；执行率${s.budgetExecution.method === "proportional" ? "按比例" : "按区间"}计分`
      : "";
    const rules = s.rowRules.length > 0 ? `；${s.rowRules.length}条指标规则` : "";
    io.out(`${pad("", 38)}${s.blocks.map((b) => `${b.name}${b.weight}`).join(" / ")}${budget}${rules}`);
  }
  io.out(
    "\n另有“按本表结构”（--scheme table）：报告自己的一级指标和分值，各行按其评分标准或财预〔2020〕10号的通用规则；没有方案对得上时自动采用。",
  );
  return EXIT.ok;
}
