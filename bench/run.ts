/**
 * `npm run bench`: one JSON line per figure. Speed and memory are measured here, never asserted in tests.
 */
import { type Report, ReportSchema } from "../src/core/report.ts";
import { explain } from "../src/scoring/explain.ts";
import { score } from "../src/scoring/score.ts";
import { loadScheme } from "../src/services/scheme-files.ts";
import { benchChat } from "./chat-bench.ts";
import { benchCliStart } from "./cli-start-bench.ts";
import { benchCopy } from "./copy-bench.ts";
import { benchDingTalk } from "./dingtalk-bench.ts";
import { benchDraft } from "./draft-bench.ts";
import { benchDraftJobs } from "./draft-jobs-bench.ts";
import { benchImport } from "./import-bench.ts";
import { benchOcr } from "./ocr-bench.ts";
import { benchPdf } from "./pdf-bench.ts";
import { benchPostgres } from "./postgres-bench.ts";
import { benchReview } from "./review-bench.ts";
import { benchScoresPerTurn } from "./scores-bench.ts";
import { benchSlack } from "./slack-bench.ts";
import { benchWorstCase } from "./worst-case-bench.ts";
import { benchXlsx } from "./xlsx-bench.ts";

function syntheticReport(indicators: number): Report {
  const blocks = [
    { name: "投入管理指标", weight: 20, share: 0.2 },
    { name: "产出指标", weight: 40, share: 0.45 },
    { name: "效益指标", weight: 30, share: 0.35 },
  ];
  const per = (share: number) => Math.max(1, Math.round(indicators * share));
  return ReportSchema.parse({
    kind: "department",
    unit: { name: "基准测试单位" },
    year: 2024,
    schemeId: "henan-zhengzhou-district-department",
    budget: {
      initial: "1000万元",
      adjusted: "1100万元",
      executed: "1043.5万元",
      reportedRate: "95%",
      weight: 10,
      score: 9,
    },
    indicators: blocks.map((b) => {
      const n = per(b.share);
      const w = b.weight / n;
      return {
        name: b.name,
        weight: b.weight,
        groups: [
          {
            name: "组",
            indicators: Array.from({ length: n }, (_, i) =>
              i % 3 === 0
                ? {
                    name: `定性${i}`,
                    target: "完整",
                    unit: "定性指标",
                    actual: "完成",
                    weight: w,
                    score: w * 0.9,
                  }
                : i % 3 === 1
                  ? {
                      name: `定量${i}`,
                      target: "≥98%",
                      unit: "%",
                      actual: `${90 + (i % 10)}%`,
                      weight: w,
                      score: w,
                    }
                  : { name: `逆向${i}`, target: "≤5%", unit: "%", actual: `${i % 8}%`, weight: w, score: w },
            ),
          },
        ],
      };
    }),
  });
}

function timeIt(runs: number, fn: () => void): { median: number; p99: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { median: at(0.5), p99: at(0.99) };
}

const line = (figure: string, value: number, unit: string, extra: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ figure, value: Number(value.toFixed(4)), unit, ...extra })}\n`);

const scheme = loadScheme("henan-zhengzhou-district-department");
if (!scheme.ok) throw new Error(scheme.error.message);
const report = syntheticReport(100);
const rows = report.indicators.reduce((a, b) => a + b.groups.reduce((x, g) => x + g.indicators.length, 0), 0);
for (let i = 0; i < 50; i++) score(report, scheme.value); // warm-up
const s = timeIt(1000, () => score(report, scheme.value));
line("score_100_indicators_median", s.median, "ms", { indicators: rows, runs: 1000 });
line("score_100_indicators_p99", s.p99, "ms", { indicators: rows, runs: 1000 });
const card = score(report, scheme.value);
const e = timeIt(1000, () => explain(card, scheme.value.grades));
line("explain_100_indicators_median", e.median, "ms", { indicators: rows });
const big = syntheticReport(1000);
const b = timeIt(100, () => score(big, scheme.value));
line("score_1000_indicators_median", b.median, "ms", { runs: 100 });
// Retained heap per score card: collect garbage before and after holding 100 cards (needs --expose-gc).
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const cards = Array.from({ length: 100 }, () => score(report, scheme.value));
  gc();
  line("score_card_heap_per_report", (process.memoryUsage().heapUsed - before) / cards.length / 1024, "KiB", {
    indicators: rows,
  });
}
await benchScoresPerTurn(line);
await benchChat(line);
await benchCopy(line);
await benchPostgres(line);
await benchDraftJobs(line);
await benchDraft(line);
await benchSlack(line);
await benchDingTalk(line);
await benchImport(line);
await benchPdf(line);
await benchWorstCase(line);
await benchXlsx(line);
await benchReview(line);
await benchCliStart(line);
await benchOcr(line);
line("rss_after_bench", process.memoryUsage().rss / 1024 / 1024, "MiB");
