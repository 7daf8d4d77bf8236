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
    io.out(
      `${pad("", 38)}${s.blocks.map((b) => `${b.name}${b.weight}`).join(" / ")}；执行率${s.budgetExecution.method === "proportional" ? "按比例" : "按区间"}计分`,
    );
  }
  return EXIT.ok;
}
