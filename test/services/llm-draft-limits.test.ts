import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TOO_LARGE_HEADER } from "../../src/adapters/llm/llm-errors.ts";
import { bodyInTimeout, createOpenAiPort, MAX_REPLY_BYTES } from "../../src/adapters/llm/openai-client.ts";
import { describeLlm } from "../../src/app/llm-setup.ts";
import { readConfig } from "../../src/config.ts";
import type { SectionId } from "../../src/core/sections.ts";
import { draftWithLlm } from "../../src/drafting/llm-drafter.ts";
import type { LlmPort } from "../../src/drafting/llm-port.ts";
import { sha256Hex } from "../../src/services/sha256-hex.ts";
import { readPrompts, seedInput } from "../drafting/llm-test-kit.ts";

/**
 * Issue 16, item 7: a hanging, flooding or leaky model endpoint. Seed 000 is drafted through the real
 * openai port against nock; the clock of the drafter is fixed, so the deadline each call gets is
 * exactly the configured one and nothing here is timed.
 */

const HOST = "http://llm.test";
const KEY = "sk-limits-secret-77";
const T0 = new Date("2025-03-01T08:00:00.000Z");
const prompts = readPrompts();
const DRAFTED: SectionId[] = seedInput()
  .family.sections.filter((s) => s.drafted)
  .map((s) => s.id);

function completion(content: string) {
  return {
    id: "chatcmpl-limits",
    object: "chat.completion",
    created: 1740816000,
    model: "deepseek-chat",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { prompt_tokens: 900, completion_tokens: 120, total_tokens: 1020 },
  };
}

/** A port as configured in production (60 s per attempt, 2 retries) unless told otherwise. */
function port(baseURL = `${HOST}/v1`, maxRetries = 2): LlmPort {
  return createOpenAiPort({
    baseURL,
    apiKey: KEY,
    model: "deepseek-chat",
    responseFormat: "json_object",
    timeoutMs: 60_000,
    maxRetries,
  });
}

function draft(llm: LlmPort, deadlineMs?: number) {
  return draftWithLlm(seedInput("seed-000", { keepOfficerText: false }), {
    llm,
    prompts,
    now: () => T0,
    hash: sha256Hex,
    ...(deadlineMs === undefined ? {} : { deadlineMs }),
  });
}

const allBy = (result: Awaited<ReturnType<typeof draft>>) =>
  Object.fromEntries(result.sections.map((s) => [s.id, s.by]));
const ALL_DETERMINISTIC = Object.fromEntries(DRAFTED.map((id) => [id, "deterministic"]));

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("a model that hangs", () => {
  it("is given the draft's 200 ms deadline: one call, then every section deterministic, and the summary says why", async () => {
    let requests = 0;
    nock(HOST)
      .post("/v1/chat/completions")
      .times(20)
      .delay(5000)
      .reply(() => {
        requests += 1;
        return [200, completion("{}")];
      });
    const result = await draft(port(), 200);
    expect(requests).toBe(1);
    expect(result.calls.map((c) => [c.family, c.attempt, c.outcome, c.detail])).toEqual([
      ["process", 1, "failed", "llm.timeout"],
    ]);
    expect(allBy(result)).toEqual(ALL_DETERMINISTIC);
    expect(result.sections[0]?.rejected).toEqual([
      "模型调用失败（llm.timeout）：模型服务 http://llm.test/v1 在本次起草剩余的 0.2 秒内没有回复（每份草稿的模型调用总时限由 LLM_DRAFT_DEADLINE_MS 设置，例如 120000）：本次改用确定性起草。",
    ]);
    expect(result.sections[1]?.rejected).toEqual([
      "模型未在时限内回复，本次起草不再调用模型，本部分由系统按数据生成",
    ]);
    expect(result.stopped).toBe("模型未在时限内回复，本次起草不再调用模型，其余 8 节由系统按数据生成");
  });

  it("a spent deadline asks the model nothing", async () => {
    const scope = nock(HOST).post("/v1/chat/completions").reply(200, completion("{}"));
    let t = T0.getTime();
    const result = await draftWithLlm(seedInput("seed-000", { keepOfficerText: false }), {
      llm: port(),
      prompts,
      // The first reading starts the draft; by the second, 1 s has passed of a 1 s deadline.
      now: () => {
        const d = new Date(t);
        t += 1000;
        return d;
      },
      hash: sha256Hex,
      deadlineMs: 1000,
    });
    expect(scope.isDone()).toBe(false);
    expect(result.calls).toEqual([]);
    expect(allBy(result)).toEqual(ALL_DETERMINISTIC);
    expect(result.sections[0]?.rejected).toEqual([
      "本次起草的模型调用总时限（LLM_DRAFT_DEADLINE_MS）已用完，本部分由系统按数据生成",
    ]);
    expect(result.stopped).toBe("模型调用总时限已用完，本次起草不再调用模型，其余 9 节由系统按数据生成");
  });

  it("LLM_DRAFT_DEADLINE_MS defaults to 120000 and is refused below 1000 with a Chinese message", () => {
    const base = { LLM_MODEL: "m", OPENAI_BASE_URL: `${HOST}/v1` };
    const read = readConfig(base);
    expect(read.ok && read.config.LLM_DRAFT_DEADLINE_MS).toBe(120_000);
    const bad = readConfig({ ...base, LLM_DRAFT_DEADLINE_MS: "200" });
    expect(bad.ok ? "" : bad.message).toContain("LLM_DRAFT_DEADLINE_MS 至少为 1000 毫秒，例如 120000");
  });
});

describe("a model that floods", () => {
  const TOO_LARGE =
    "模型调用失败（llm.too_large）：模型服务 http://llm.test/v1 的回复超过 2048 KB，已拒收（正常的章节稿只有几 KB，过长的回复可能是服务异常或模型失控）：本次改用确定性起草。";

  it("a body declared larger than 2 MB is refused unread, without a retry", async () => {
    let requests = 0;
    const big = JSON.stringify(completion("字".repeat(1_100_000)));
    nock(HOST)
      .post("/v1/chat/completions")
      .times(20)
      .reply(() => {
        requests += 1;
        return [200, big, { "content-length": String(Buffer.byteLength(big)) }];
      });
    const result = await draft(port());
    expect(requests).toBe(5);
    expect(result.calls.map((c) => c.detail)).toEqual(Array(5).fill("llm.too_large"));
    expect(allBy(result)).toEqual(ALL_DETERMINISTIC);
    expect(result.sections[0]?.rejected).toEqual([TOO_LARGE]);
  });

  it("a streamed body without a length is cut at 2 MB: reading stops there", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    let pulled = 0;
    // 8 MB on offer, in 64 KiB chunks, with no content-length.
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 128) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const fetch = bodyInTimeout(() => async () => new Response(stream, { status: 200 }));
    const response = await fetch("http://llm.test/v1/chat/completions", {});
    expect(response.status).toBe(413);
    expect(response.headers.get(TOO_LARGE_HEADER)).toBe(String(MAX_REPLY_BYTES));
    expect(response.headers.get("x-should-retry")).toBe("false");
    // 2 MiB is 32 chunks; the 33rd crosses the limit, and the stream may have queued one more ahead.
    expect(pulled).toBeLessThanOrEqual(34);
  });

  it("a section of 8,009 characters is refused twice and replaced by the deterministic text", async () => {
    const long = `预算执行情况良好。${"各项工作有序推进".repeat(1000)}`;
    nock(HOST)
      .post("/v1/chat/completions")
      .times(20)
      .reply(async (request: Request) => {
        // The ids asked for, from the schema described at the end of the system message.
        const body = (await request.json()) as { messages: { content: string }[] };
        const schema = JSON.parse(body.messages[0]?.content.split("\n").at(-1) ?? "{}");
        const wanted: string[] = schema.properties.sections.items.properties.id.enum;
        const sections = wanted.map((id) => ({ id, paragraphs: [long] }));
        return [200, completion(JSON.stringify({ sections }))];
      });
    const result = await draft(port());
    expect(allBy(result)).toEqual(ALL_DETERMINISTIC);
    expect(result.calls.map((c) => c.outcome)).toEqual(Array(10).fill("rejected"));
    expect(result.sections[0]?.rejected?.[0]).toBe(
      "章节过长（8009 字，上限 8000 字）：每节写几百字即可，只写本章节的内容",
    );
  });
});

describe("secrets in OPENAI_BASE_URL", () => {
  const LEAKY = `${HOST}/v1?api-key=${KEY}&token=tok-99`;

  it("never appear in a model error line", async () => {
    nock(HOST)
      // The SDK appends the path after the query of such a base URL; any POST to the host is this call.
      .post(/.*/)
      .query(true)
      .times(20)
      .reply(() => {
        throw Object.assign(new Error(`socket hang up at ${LEAKY}`), { code: "ECONNRESET" });
      });
    const result = await draft(port(LEAKY, 0));
    const lines = result.sections.flatMap((s) => s.rejected ?? []);
    expect(lines[0]).toBe(
      "模型调用失败（llm.unreachable）：无法连接模型服务 http://llm.test/v1?api-key=***&token=***：连接被对方重置（ECONNRESET）。请检查 OPENAI_BASE_URL 或网络；本次改用确定性起草。",
    );
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(JSON.stringify(result)).not.toContain("tok-99");
  });

  it("an error quoting a URL with a login is printed redacted", async () => {
    nock(HOST)
      .post("/v1/chat/completions")
      .times(5)
      .reply(418, { error: { message: "see http://alice:pa55w0rd@llm.test/v1?key=abc123 for help" } });
    const result = await draft(port(`${HOST}/v1`, 0));
    expect(result.sections[0]?.rejected?.[0]).toBe(
      "模型调用失败（llm.other）：模型服务返回了错误（418）：see http://***@llm.test/v1?key=*** for help。本次改用确定性起草。",
    );
  });

  it("the banner shows where the model is without the login or key; the config refuses such an address", () => {
    const secret = "https://bob:s3cret@gw.example.com/v1?api-key=zzz";
    const refused = readConfig({ LLM_MODEL: "deepseek-chat", OPENAI_BASE_URL: secret });
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).not.toMatch(/s3cret|zzz/u);
    const read = readConfig({ LLM_MODEL: "deepseek-chat", OPENAI_BASE_URL: "https://gw.example.com/v1" });
    if (!read.ok) throw new Error(read.message);
    // Redaction still guards a configuration built another way.
    expect(describeLlm({ ...read.config, OPENAI_BASE_URL: secret })).toBe(
      "模型 deepseek-chat @ https://***@gw.example.com/v1?api-key=***（json_object）",
    );
  });
});
