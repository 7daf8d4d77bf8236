import { SEVERITY_LABEL } from "../../core/finding.ts";
import { fmt } from "../../scoring/rounding.ts";
import { unscorableWhy } from "../../scoring/scorable.ts";
import { loadScored, reportTitle } from "./load-scored.ts";
import { type CliIo, EXIT, pad } from "./output.ts";

/** `ziping score <report.json> [--scheme ID|FILE] [--json]`: the score card, in Chinese or as JSON. */
export function scoreCommand(io: CliIo, file: string, scheme: string | undefined, json: boolean): number {
  const loaded = loadScored(file, scheme);
  if (!loaded.ok) {
    io.err(loaded.error.message);
    return EXIT.badInput;
  }
  const { report, scheme: s, card, reason } = loaded.value;
  const withheld = unscorableWhy(report);
  if (json) {
    io.out(
      JSON.stringify(
        {
          report: { unit: report.unit.name, year: report.year, kind: report.kind },
          schemeReason: reason,
          ...card,
          ...(withheld === undefined ? {} : { withheld }),
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  io.out(reportTitle(report));
  io.out(`评分方案：${s.name}（${s.id}；${reason}）`);
  const reported =
    card.reported.total === undefined
      ? ""
      : `；报告填报${fmt(card.reported.total)}分${card.reported.grade ? `（${card.reported.grade}）` : ""}`;
  io.out(
    withheld === undefined
      ? `按规则得分：${fmt(card.total)}分（${card.grade}）${reported}\n`
      : `按规则得分：不计算（${withheld}）${reported}\n`,
  );
  io.out(`${pad("一级指标", 18)}${pad("分值", 8)}${pad("规则得分", 10)}报告得分`);
  for (const b of card.blocks) {
    io.out(
      `${pad(b.name, 18)}${pad(fmt(b.weight), 8)}${pad(fmt(b.points), 10)}${b.reported === undefined ? "—" : fmt(b.reported)}`,
    );
  }
  io.out(
    `${pad("合计", 18)}${pad("100", 8)}${pad(fmt(card.total), 10)}${card.reported.totalRow === undefined ? "—" : fmt(card.reported.totalRow)}`,
  );
  const lost = card.blocks
    .flatMap((b) => b.indicators)
    .filter((r) => r.lost > 0 || (r.reported !== undefined && Math.abs(r.reported - r.points) > 0.005));
  if (lost.length > 0) {
    io.out("\n失分或与报告不一致的指标：");
    for (const r of lost) {
      io.out(
        `- ${r.label}：${fmt(r.points)}/${fmt(r.weight)}分${r.reported === undefined ? "" : `（报告${fmt(r.reported)}分）`}`,
      );
      io.out(`  ${r.formula}`);
    }
  }
  const derived = card.derived.filter((d) => d.status !== "missing");
  if (derived.length > 0) {
    io.out("\n由预算数据计算的指标（派生，无需填写）：");
    for (const d of derived) io.out(`- ${d.name}：${d.formula}`);
  }
  if (card.findings.length > 0) {
    io.out(`\n发现的问题（${card.findings.length}项）：`);
    for (const f of card.findings)
      io.out(`- [${SEVERITY_LABEL[f.severity]}] ${f.code}  ${f.where.label}：${f.message}`);
  }
  io.out(`\n想知道为什么不是100分：ziping explain ${file}`);
  return EXIT.ok;
}
