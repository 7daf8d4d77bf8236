import { explain, explanationText } from "../../scoring/explain.ts";
import { unscorableWhy } from "../../scoring/scorable.ts";
import { loadScored, reportTitle } from "./load-scored.ts";
import { type CliIo, EXIT } from "./output.ts";

/** `ziping explain <report.json> [--scheme ID|FILE] [--json]`: why the score is not 100, and how to get 优/100. */
export function explainCommand(io: CliIo, file: string, scheme: string | undefined, json: boolean): number {
  const loaded = loadScored(file, scheme);
  if (!loaded.ok) {
    io.err(loaded.error.message);
    return EXIT.badInput;
  }
  const { report, scheme: s, card, reason } = loaded.value;
  const withheld = unscorableWhy(report);
  const e = explain(card, s.grades);
  if (json) {
    io.out(
      JSON.stringify(
        {
          report: { unit: report.unit.name, year: report.year, kind: report.kind },
          schemeId: s.id,
          schemeReason: reason,
          ...e,
          ...(withheld === undefined ? {} : { withheld }),
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  io.out(reportTitle(report));
  io.out(`评分方案：${s.name}（${s.id}；${reason}）\n`);
  if (withheld !== undefined) {
    io.out(`按规则不计算总分：${withheld}。请先补充各行的分值和得分，再看失分原因。`);
    return EXIT.ok;
  }
  io.out(explanationText(e, s.name));
  return EXIT.ok;
}
