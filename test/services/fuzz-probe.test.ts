import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/conversation/replies.ts";
import { Chat, testApp } from "./chat-harness.ts";

/**
 * Issue 16: 1,000 fuzzed messages (a fixed seed) through one conversation — no exception, every
 * reply in Chinese, and a message that is refused changes nothing.
 */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "年初预算",
  "调整后",
  "执行",
  "561.41万",
  "561,41万",
  "百分之五十五",
  "250%",
  "-3万元",
  "约",
  "也是",
  "其中",
  "确认",
  "取消",
  "撤销",
  "跳过",
  "全部跳过",
  "现在多少分",
  "为什么是96分不是100分",
  "生成报告",
  "把评分办法改成",
  "按本表结构",
  "我来说一级指标和分值",
  "投入20分，过程20分，产出40分，效益20分",
  "第3个指标的实际值是",
  "把预算执行数改成",
  "<!-- table:self_evaluation -->",
  "{{title}}",
  "[[score]]",
  "\t",
  "\n",
  "一、",
  "（一）",
  "产出指标(50分)",
  "数量指标",
  "≥95%",
  "啊啊啊",
  "asdf",
  "？",
  "\u202e",
  "\u00ad",
  "０１２３",
  "壹佰万元",
  "2021年度",
  "郑州市金水区电子政务中心",
  "刘媛媛 63526383",
];

function message(random: () => number): string {
  const n = 1 + Math.floor(random() * 6);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(PIECES[Math.floor(random() * PIECES.length)] ?? "");
  return parts.join(random() < 0.5 ? "" : "，");
}

const CHINESE = /[\u4e00-\u9fa5]/u;
const textsOf = (replies: readonly Reply[]): string[] =>
  replies.map((r) => ("text" in r ? r.text : "title" in r ? r.title : ""));

describe("a fuzz probe of the conversation (issue 16)", () => {
  it("1,000 seeded messages: no exception, every reply Chinese, a refusal changes nothing", async () => {
    const chat = new Chat(testApp());
    await chat.send("郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区");
    const random = mulberry32(20261203);
    let refused = 0;
    for (let i = 0; i < 1000; i++) {
      const text = message(random);
      const before = JSON.stringify(await chat.doc());
      const turn = await chat.send(text);
      for (const t of textsOf(turn.replies)) expect(t, `reply to ${JSON.stringify(text)}`).toMatch(CHINESE);
      const refusal =
        turn.replies.some((r) => r.type === "notice" && r.level === "error") &&
        !turn.replies.some((r) => r.type === "text" && r.text.startsWith("已记录"));
      if (refusal) {
        refused++;
        expect(JSON.stringify(await chat.doc()), `refused ${JSON.stringify(text)}`).toBe(before);
      }
    }
    // The seed gives refusals to check, not only answers.
    expect(refused).toBeGreaterThan(50);
  }, 300_000);
});
