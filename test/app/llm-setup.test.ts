import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeLlm, openLlm } from "../../src/app/llm-setup.ts";
import { type Config, readConfig } from "../../src/config.ts";
import { sha256Hex } from "../../src/services/sha256-hex.ts";

function config(env: Record<string, string>): Config {
  const read = readConfig(env);
  if (!read.ok) throw new Error(read.message);
  return read.config;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("describeLlm", () => {
  it("says drafting is deterministic when nothing is set", () => {
    expect(describeLlm(config({}))).toBe("未配置模型：使用确定性起草");
  });

  it("names what is missing when only part is set", () => {
    expect(describeLlm(config({ LLM_MODEL: "deepseek-chat" }))).toBe(
      "未配置模型（已设置 LLM_MODEL，但缺少 OPENAI_API_KEY 或 OPENAI_BASE_URL）：使用确定性起草",
    );
  });

  it("names model, endpoint and JSON mode, never the key", () => {
    const deepseek = config({
      OPENAI_BASE_URL: "https://api.deepseek.com",
      OPENAI_API_KEY: "sk-secret-1",
      LLM_MODEL: "deepseek-chat",
    });
    expect(describeLlm(deepseek)).toBe("模型 deepseek-chat @ https://api.deepseek.com（json_object）");
    expect(describeLlm(config({ OPENAI_API_KEY: "sk-secret-2", LLM_MODEL: "gpt-4o-mini" }))).toBe(
      "模型 gpt-4o-mini @ https://api.openai.com/v1（json_schema）",
    );
  });
});

describe("openLlm", () => {
  it("opens nothing when no model is configured", () => {
    expect(openLlm(config({ OPENAI_API_KEY: "sk-x" }))).toBeUndefined();
  });

  it("opens a port on the configured endpoint, model, key and JSON mode", async () => {
    const scope = nock("http://llm.test/v1")
      .post(
        "/chat/completions",
        (body) => body.model === "qwen-plus" && body.response_format.type === "json_object",
      )
      .matchHeader("authorization", "Bearer sk-qwen")
      .reply(200, {
        id: "c1",
        object: "chat.completion",
        model: "qwen-plus",
        choices: [{ index: 0, message: { role: "assistant", content: "{}" }, finish_reason: "stop" }],
        usage: { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 },
      });
    const port = openLlm(
      config({
        OPENAI_BASE_URL: "http://llm.test/v1",
        OPENAI_API_KEY: "sk-qwen",
        LLM_MODEL: "qwen-plus",
        LLM_MAX_RETRIES: "0",
      }),
      { now: () => 5 },
    );
    expect(port?.model).toBe("qwen-plus");
    const reply = await port?.complete({ system: "s", user: "u", schemaName: "x", jsonSchema: {} });
    expect(reply).toEqual({
      ok: true,
      value: { content: "{}", model: "qwen-plus", promptTokens: 10, completionTokens: 2, latencyMs: 0 },
    });
    expect(scope.isDone()).toBe(true);
  });
});

describe("sha256Hex", () => {
  it("gives the standard digest of UTF-8 text", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("中")).toBe("a567bdaa11367f260f0708391f4d10766b5962f565d9e432f17981a3584fe1e2");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});
