import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "./cli-harness.ts";

/** Issue 15's quoted failures, typed as the Fujian officer typed them, each now getting the right reply. */
const dir = mkdtempSync(join(tmpdir(), "ziping-chat-anywhere-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MESSAGES = [
  "宁德市数字宁德建设办公室，2018年度政务网等运行维护费项目支出绩效自评，地区：福建省宁德市",
  "刘媛媛 63526383",
  "评分办法就用全国默认的吧",
  "我们是福建的，能按我们的算吗？",
  "啊啊啊 asdf 随便",
  "把评分办法改成按本表结构",
  "调整后也是318.91万",
];

describe("an officer from a region ziping has never seen (issue 15)", () => {
  it("is understood message by message; questions and noise are not saved", async () => {
    const script = join(dir, "fujian.txt");
    writeFileSync(script, MESSAGES.join("\n---\n"));
    const r = await run("chat", "--script", script, "--db", join(dir, "chat.db"), "--user", "officer");
    expect(r.code).toBe(0);
    const replies = r.out.split(/>>> \[\d+\/\d+\] officer：/u).slice(1);
    const first = (i: number) => replies[i]?.split("ziping：")[1]?.trim().split("\n")[0];
    expect(first(0)).toBe(
      "已记录：单位名称：宁德市数字宁德建设办公室；所在地区：福建省宁德市；年度：2018；报告类型：项目支出；项目名称：政务网等运行维护费；评分办法：按地区选用《福建 项目支出绩效自评（投入/过程/产出与效益）》",
    );
    expect(first(2)).toBe("已记录：评分办法：改为《财预〔2020〕10号 项目支出绩效自评（全国默认）》");
    // The question names Fujian, whose scheme was replaced by the national one in the message before.
    expect(first(3)).toBe(
      "· 可以：有《福建 项目支出绩效自评（投入/过程/产出与效益）》。说“把评分办法改成福建省”就按它计分（现在还没有改）。这句话没有作为“年度总体目标”保存。",
    );
    expect(first(4)).toMatch(/^· “啊啊啊 asdf 随便”没有说明“.+”，没有保存。/u);
    expect(first(5)).toBe("已记录：评分办法：改为《按本表结构（报告自身的一级指标和分值）》");
    expect(first(6)).toContain("318.91万元");
  });
});
