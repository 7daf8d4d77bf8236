import { describe, expect, it } from "vitest";
import { notAnAnswer } from "../../src/conversation/not-an-answer.ts";

describe("messages that are not an answer to a narrative question (issue 15)", () => {
  it.each([
    ["评分办法就用全国默认的吧", "scheme"],
    ["按本表结构", "scheme"],
    ["我们是福建的，能按我们的算吗？", "question"],
    ["这个怎么填", "question"],
    ["啊啊啊 asdf 随便", "empty"],
    ["嗯嗯 不知道", "empty"],
  ])("%s → %s", (text, kind) => {
    expect(notAnAnswer(text, "问题和改进措施")?.kind).toBe(kind);
  });

  it.each([
    "无",
    "服务单位满意度97%，比目标低1个百分点，原因是故障响应慢；下年度建立故障响应时限制度",
    "完成了什么任务？一是完成机房改造，二是完成等保测评。",
  ])("%s is an answer", (text) => {
    expect(notAnAnswer(text, "问题和改进措施")).toBeUndefined();
  });

  it("says it was not saved, what can be asked, and asks again", () => {
    expect(notAnAnswer("能按我们的算吗？", "问题和改进措施")).toEqual({
      kind: "question",
      reply:
        "“能按我们的算吗？”像是一个问题，没有作为“问题和改进措施”保存。可以问：现在多少分、为什么是96分不是100分、还差什么、帮助；要换评分办法，可以说“把评分办法改成按本表结构”。请再写一下“问题和改进措施”的内容。",
    });
    expect(notAnAnswer("啊啊啊 asdf 随便", "问题和改进措施")).toEqual({
      kind: "empty",
      reply:
        "“啊啊啊 asdf 随便”没有说明“问题和改进措施”，没有保存。请写明本单位的实际情况；暂时没有可以说“跳过”。",
    });
  });
});
