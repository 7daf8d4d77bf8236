import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "./cli-harness.ts";

/** Issue 15: what was put off can be given later in the officer's own words; no draft without indicators. */
const dir = mkdtempSync(join(tmpdir(), "ziping-fill-later-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function chat(name: string, messages: string[]): Promise<string[]> {
  const script = join(dir, `${name}.txt`);
  writeFileSync(script, messages.join("\n---\n"));
  const r = await run(
    "chat",
    "--script",
    script,
    "--db",
    join(dir, `${name}.db`),
    "--out",
    join(dir, "out"),
    "--user",
    "officer",
  );
  expect(r.code).toBe(0);
  return r.out
    .split(/>>> \[\d+\/\d+\] officer：/u)
    .map((part) => (part.split("ziping：\n")[1] ?? "").split("\n[已完成")[0] ?? "");
}

const FIRST = "宁德市数字宁德建设办公室，2018年度政务网等运行维护费项目支出绩效自评，地区：福建省宁德市";

describe("giving later what was put off (issue 15)", () => {
  it("a skipped section is written by 把…改成…; a goal's 实际完成情况 is not its target", async () => {
    const replies = await chat("later", [
      FIRST,
      "刘媛媛 63526383",
      "年度总体目标：保障政务外网全年稳定运行",
      "把年度总体目标的实际完成情况改成政务外网全年运行正常",
      "把绩效自评结果拟应用和公开情况改成自评报告随部门决算在门户网站公开",
      "把自评工作开展情况改成由财务科牵头，4月完成自评",
    ]);
    expect(replies[3]).toBe("已记录：年度总体目标：保障政务外网全年稳定运行");
    expect(replies[4]).toBe("已记录：目标完成情况：（空） → 政务外网全年运行正常");
    expect(replies[5]).toBe("已记录：六、绩效自评结果拟应用和公开情况：自评报告随部门决算在门户网站公开");
    expect(replies[6]).toBe("已记录：二、绩效自评工作开展情况：由财务科牵头，4月完成自评");
  });

  it("生成报告 with no indicators says so instead of drafting a score of 0", async () => {
    const replies = await chat("noind", [FIRST, "刘媛媛 63526383", "生成报告"]);
    expect(replies[3]).toBe(
      "· 还没有绩效指标，不能计分，也就不能生成报告（得分、等级和失分说明都要按指标计算）。请先粘贴绩效指标表（从 Excel/Word 复制即可），再说“生成报告”。",
    );
  });
});
