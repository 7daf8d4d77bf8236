import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { PromptFamily } from "../../../src/drafting/section-families.ts";
import { openDatabase } from "../../../src/storage/index.ts";
import { LlmCallLog } from "../../../src/storage/llm-call-log.ts";
import { repairedReply } from "../../drafting/llm-test-kit.ts";
import { run } from "./cli-harness.ts";

/**
 * `ziping draft --llm on` end to end: the settings from the environment, the real openai client
 * against a nock server answering with the recorded replies of fixtures/llm/, the grounding check,
 * the Markdown, and the call log in the command's database.
 */

const root = join(import.meta.dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "ziping-draft-llm-"));
const KEY = "sk-cli-secret-7777";

/** The recorded reply content per requested section id. */
const RECORDED = new Map<
  string,
  { family: PromptFamily; content: string; usage: { prompt_tokens: number; completion_tokens: number } }
>();
for (const file of readdirSync(join(root, "fixtures/llm")).filter((f) => f.startsWith("seed-000."))) {
  const reply = JSON.parse(readFileSync(join(root, "fixtures/llm", file), "utf8"));
  const content = String(reply.content).replace(/^```json\s*|\s*```$/g, "");
  for (const section of JSON.parse(content).sections) RECORDED.set(section.id, reply);
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  vi.unstubAllEnvs();
});
afterAll(() => {
  nock.enableNetConnect();
  rmSync(dir, { recursive: true, force: true });
});

function stubModelEnv(): void {
  vi.stubEnv("OPENAI_BASE_URL", "http://llm.test/v1");
  vi.stubEnv("OPENAI_API_KEY", KEY);
  vi.stubEnv("LLM_MODEL", "deepseek-chat");
  vi.stubEnv("LLM_RESPONSE_FORMAT", "json_object");
  vi.stubEnv("LLM_MAX_RETRIES", "0");
}

/**
 * Answers `times` chat completions with the recorded reply for the sections each request asks for
 * (or with `override(id)` when it gives content); returns the prompts received.
 */
function serveRecorded(
  times: number,
  override: (id: string) => string | undefined = () => undefined,
): string[] {
  const prompts: string[] = [];
  nock("http://llm.test/v1")
    .post("/chat/completions")
    .times(times)
    .reply(async (request: Request) => {
      const body = (await request.json()) as { messages: { content: string }[] };
      const text = body.messages.map((m) => m.content).join("\n");
      prompts.push(text);
      const id = [...RECORDED.keys()].find((k) => text.includes(`"enum":["${k}"`));
      const reply = id === undefined ? undefined : RECORDED.get(id);
      if (id === undefined || reply === undefined) return [400, { error: { message: "unexpected request" } }];
      // The repair turn of a recorded reply holding stock phrases: the same reply without those sentences.
      const repaired = text.includes("上一次的回答有以下问题") ? repairedReply(reply.family) : undefined;
      const content = override(id) ?? (repaired?.ok ? repaired.value.content : undefined) ?? reply.content;
      return [
        200,
        {
          id: "chatcmpl-cli",
          object: "chat.completion",
          created: 1740816000,
          model: "deepseek-chat",
          choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
          usage: { ...reply.usage, total_tokens: reply.usage.prompt_tokens + reply.usage.completion_tokens },
        },
      ];
    });
  return prompts;
}

describe("ziping draft --llm on", () => {
  it("replaces a section whose figures the model invented twice, and says so under its official heading", async () => {
    stubModelEnv();
    const invented = JSON.stringify({
      sections: [
        {
          id: "problems_measures",
          paragraphs: ["一是预算执行率仅为98.5%，未执行资金较多。改进措施：加快支出进度。"],
        },
      ],
    });
    // Without --redraft only the sections the officer left empty are asked for: 问题 and 经验/其他.
    const prompts = serveRecorded(3, (id) => (id === "problems_measures" ? invented : undefined));
    const out = join(dir, "invented.md");
    const r = await run(
      "draft",
      join(root, "fixtures/reports/seed-000.json"),
      "--llm",
      "on",
      "--out",
      out,
      "--db",
      join(dir, "inv.db"),
    );
    expect(r.code).toBe(0);
    expect(prompts).toHaveLength(3);
    expect(r.out).toContain("起草方式：模型 deepseek-chat 起草 2 节，确定性起草 1 节");
    expect(r.out).toContain("  “五、发现的主要问题和改进措施”的模型稿未采用，已按数据起草：");
    expect(r.out).toContain("98.5%");
    const md = readFileSync(out, "utf8");
    expect(md).not.toContain("98.5%");
    expect(md).toContain("差额部分没有对应的三级指标、无从得分，失5分。");
  });

  it("replaces a section that claims 满分, a ranking and a multiple twice, and says why", async () => {
    stubModelEnv();
    const claimed = JSON.stringify({
      sections: [
        {
          id: "problems_measures",
          paragraphs: [
            "本单位自评得分为满分，绩效排名全省第1，服务人数是上年的两倍。改进措施：加快支出进度。",
          ],
        },
      ],
    });
    const prompts = serveRecorded(3, (id) => (id === "problems_measures" ? claimed : undefined));
    const out = join(dir, "claims.md");
    const r = await run(
      "draft",
      join(root, "fixtures/reports/seed-000.json"),
      "--llm",
      "on",
      "--out",
      out,
      "--db",
      join(dir, "claims.db"),
    );
    expect(r.code).toBe(0);
    expect(prompts).toHaveLength(3);
    expect(r.out).toContain("起草方式：模型 deepseek-chat 起草 2 节，确定性起草 1 节");
    const line =
      r.out.split("\n").find((l) => l.startsWith("  “五、发现的主要问题和改进措施”的模型稿未采用")) ?? "";
    expect(line).toContain("“本单位自评得分为满分”称总得分为满分，但按评分规则总得分是92.71分");
    expect(line).toContain("“排名全省第1”是排名，报告数据中没有任何排名");
    expect(line).toContain("“两倍”是倍数");
    const md = readFileSync(out, "utf8");
    for (const claim of ["满分，", "全省第1", "两倍"]) expect(md).not.toContain(claim);
  });

  it("a model that hangs past LLM_DRAFT_DEADLINE_MS is asked once, and the summary says the rest is by the data", async () => {
    stubModelEnv();
    vi.stubEnv("LLM_DRAFT_DEADLINE_MS", "1000");
    let calls = 0;
    nock("http://llm.test/v1")
      .post("/chat/completions")
      .times(5)
      .delay(10_000)
      .reply(() => {
        calls += 1;
        return [200, {}];
      });
    const out = join(dir, "hang.md");
    const r = await run(
      "draft",
      join(root, "fixtures/reports/seed-000.json"),
      "--llm",
      "on",
      "--out",
      out,
      "--db",
      join(dir, "hang.db"),
    );
    expect(r.code).toBe(0);
    expect(calls).toBe(1);
    expect(r.out).toContain(
      "起草方式：确定性起草（模型未在时限内回复，本次起草不再调用模型，其余 2 节由系统按数据生成）",
    );
    expect(r.out).toContain("本次起草剩余的 1 秒内没有回复");
  });

  it("drafts every narrative section with the model, fills the figures and records each call", async () => {
    stubModelEnv();
    const prompts = serveRecorded(7);
    const db = join(dir, "llm.db");
    const out = join(dir, "seed-000-llm.md");
    const r = await run(
      "draft",
      join(root, "fixtures/reports/seed-000.json"),
      "--llm",
      "on",
      "--redraft",
      "--out",
      out,
      "--db",
      db,
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out.split("\n").slice(0, 3)).toEqual([
      "正在请模型 deepseek-chat 起草叙述部分……",
      `已写入：${out}`,
      "起草方式：模型 deepseek-chat 起草，数字由事实填入并经核验",
    ]);
    // One call per section family, and a repair for the two whose recorded reply invents a 自评工作组 or
    // a 整改台账 (issue 16); the officer's name, phone and the key never leave the machine.
    expect(prompts).toHaveLength(7);
    for (const text of prompts) {
      expect(text).not.toContain("刘媛媛");
      expect(text).not.toContain("63526383");
      expect(text).not.toContain(KEY);
    }
    // The recorded problems reply, its placeholders filled from the facts of seed 000.
    const md = readFileSync(out, "utf8");
    expect(md).toContain("经自评，我中心2021年度部门整体绩效按评分规则得92.71分，失7.29分");
    expect(md).toContain("全年预算执行率为97.09%，未执行预算16.35万元，预算执行率失0.29分");
    expect(md).not.toContain("[[");
    const database = openDatabase(db);
    try {
      const calls = new LlmCallLog(database).list();
      expect(calls.map((c) => [c.family, c.outcome, c.attempt, c.promptTokens, c.completionTokens])).toEqual([
        ["process", "rejected", 1, 1410, 492],
        ["process", "repaired", 2, 1410, 492],
        ["analysis", "ok", 1, 6161, 985],
        ["problems", "ok", 1, 2709, 527],
        ["application", "rejected", 1, 1633, 233],
        ["application", "repaired", 2, 1633, 233],
        ["experience", "ok", 1, 2384, 318],
      ]);
      expect(calls.every((c) => c.model === "deepseek-chat" && /^[0-9a-f]{64}$/.test(c.promptHash))).toBe(
        true,
      );
    } finally {
      database.close();
    }
  });
});
