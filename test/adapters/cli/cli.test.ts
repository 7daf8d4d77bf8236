import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./cli-harness.ts";

const root = join(import.meta.dirname, "../../..");
const seed000 = join(root, "fixtures/reports/seed-000.json");

function tempReport(mutate: (r: Record<string, unknown>) => void): string {
  const report = JSON.parse(readFileSync(seed000, "utf8")) as Record<string, unknown>;
  mutate(report);
  const file = join(mkdtempSync(join(tmpdir(), "ziping-")), "report.json");
  writeFileSync(file, JSON.stringify(report));
  return file;
}

describe("ziping score", () => {
  it("--json gives the 预算执行 block 9.71 of 10 and the findings of seed 000", async () => {
    const r = await run("score", seed000, "--json");
    expect(r.code).toBe(0);
    const card = JSON.parse(r.out);
    expect(card.blocks[0]).toMatchObject({ id: "budget", weight: 10, points: 9.71 });
    expect(card.total).toBe(92.71);
    expect(card.findings.map((f: { code: string }) => f.code)).toEqual(
      expect.arrayContaining(["weights.block_sum", "score.total_mismatch", "score.met_not_full"]),
    );
  });

  it("prints a Chinese table with the rule score next to the reported one", async () => {
    const r = await run("score", seed000);
    expect(r.code).toBe(0);
    expect(r.out).toContain("按规则得分：92.71分（优）；报告填报96分（优）");
    expect(r.out).toMatch(/预算执行\s+10\s+9\.71\s+9/);
  });

  it("scores under a scheme given as a file path", async () => {
    const r = await run(
      "score",
      seed000,
      "--scheme",
      join(root, "src/scoring/schemes/hunan-department.json"),
      "--json",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).schemeId).toBe("hunan-department");
  });
});

describe("ziping explain", () => {
  it("names each loss of seed 000 in Chinese", async () => {
    const r = await run("explain", seed000);
    expect(r.code).toBe(0);
    expect(r.out).toContain("报告填报96分；按评分规则");
    expect(r.out).toContain("“效益指标”标称30分，但三级指标分值合计只有25分");
    expect(r.out).toContain("合计行得分写为100分，但各项得分合计为96分");
    expect(r.out).toContain("“辖区居民满意”实际值100%已达到指标值≥98%，按规则应得满分5分，报告只给了4分");
    expect(r.out).toContain("10 × 97.09% = 9.71分");
  });

  it("--json lists the items largest first", async () => {
    const r = await run("explain", seed000, "--json");
    const e = JSON.parse(r.out);
    expect(e.items.map((i: { lost: number }) => i.lost)).toEqual([5, 1, 1, 0.29]);
  });
});

describe("ziping schemes and schema", () => {
  it("lists the installed schemes, sorted by id", async () => {
    const r = await run("schemes", "--json");
    expect(JSON.parse(r.out).map((s: { id: string }) => s.id)).toEqual([
      "anhui-project",
      "chongqing-department",
      "cn-2013-common-framework-project",
      "cn-2020-project-default",
      "fujian-project",
      "henan-province-project-2024",
      "henan-zhengzhou-district-department",
      "hubei-project",
      "hunan-department",
      "hunan-project",
      "sichuan-project",
    ]);
  });

  it("prints a JSON Schema that describes the report's top-level fields", async () => {
    const r = await run("schema");
    const schema = JSON.parse(r.out);
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["kind", "unit", "year", "budget", "indicators", "summary", "narrative"]),
    );
  });
});

describe("bad input: a Chinese message naming the file and field (as the report names it, never a raw path), exit 2, no stack trace", () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ["a missing file", () => ["score", "/nonexistent/r.json"], /找不到文件 \/nonexistent\/r\.json/],
    [
      "malformed JSON",
      () => {
        const f = join(mkdtempSync(join(tmpdir(), "ziping-")), "bad.json");
        writeFileSync(f, '{"kind": "department",');
        return ["score", f];
      },
      /不是有效的 JSON/,
    ],
    ["an unknown scheme", () => ["score", seed000, "--scheme", "mars-2099"], /未知的评分方案“mars-2099”/],
    [
      "a negative budget",
      () => ["score", tempReport((r) => Object.assign(r.budget as object, { executed: "-5万元" }))],
      /预算情况的预算执行数：金额不能为负数/,
    ],
    [
      "an amount without unit",
      () => ["score", tempReport((r) => Object.assign(r.budget as object, { initial: 561.41 }))],
      /预算情况的年初预算数：金额缺少单位/,
    ],
    [
      "a percent written as a bare number",
      () => ["score", tempReport((r) => Object.assign(r.budget as object, { reportedRate: 97 }))],
      /预算情况的执行率：百分比应写成带%的字符串/,
    ],
    [
      "a 得分率 above 100%",
      () => [
        "score",
        tempReport((r) => Object.assign((r.summary as { totalRow: object }).totalRow, { rate: "120%" })),
      ],
      /得分汇总的合计行的得分率：得分率不能超过100%/,
    ],
    [
      "a wrong kind",
      () => ["explain", tempReport((r) => Object.assign(r, { kind: "部门" }))],
      /报告类型应为部门整体或项目支出：报告文件中写 "kind": "department" 或 "project"/,
    ],
    [
      "a scheme file with a wrong shape",
      () => {
        const f = join(mkdtempSync(join(tmpdir(), "ziping-")), "scheme.json");
        writeFileSync(f, JSON.stringify({ id: "x", blocks: [{ id: "output", weight: "40" }] }));
        return ["score", seed000, "--scheme", f];
      },
      /字段 blocks\[0\]\.weight/,
    ],
    ["an unknown command", () => ["grade", seed000], /未知命令“grade”/],
    ["score without a file", () => ["score"], /需要一个报告文件/],
  ];

  it.each(cases)("%s", async (_name, argv, message) => {
    const r = await run(...argv());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });
});

// Child processes load TypeScript first: on a busy machine that alone can take longer than 5 s.
describe("the ziping bin", { timeout: 60_000 }, () => {
  it("runs from a shell as node bin/ziping.js with exit code 0", () => {
    const out = execFileSync(process.execPath, [join(root, "bin/ziping.js"), "score", seed000, "--json"], {
      encoding: "utf8",
      env: { ...process.env, ZIPING_FROM_SOURCE: "1" },
    });
    expect(JSON.parse(out).total).toBe(92.71);
  });

  it("exits 2 on bad input from a shell", () => {
    const r = spawnSync(process.execPath, [join(root, "bin/ziping.js"), "score", "/nonexistent.json"], {
      encoding: "utf8",
      env: { ...process.env, ZIPING_FROM_SOURCE: "1" },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("找不到文件");
  });
});
