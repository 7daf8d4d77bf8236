import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createOpenAiPort, type OpenAiPortOptions } from "../../../src/adapters/llm/openai-client.ts";
import type { LlmRequest } from "../../../src/drafting/llm-port.ts";

const BASE = "http://llm.test/v1";
const KEY = "sk-test-0123456789abcdef";

const schema = {
  type: "object",
  properties: { text: { type: "string" } },
  required: ["text"],
  additionalProperties: false,
};
const request: LlmRequest = {
  system: "你是绩效自评报告的起草助手。",
  user: "请起草“五、发现的主要问题和改进措施”。",
  schemaName: "section_draft",
  jsonSchema: schema,
};
const answer = JSON.stringify({ text: "预算执行率为[[budget.rate]]，未达到满分。" });

/** A realistic chat.completion body. */
function completion(content: string | null, model = "deepseek-chat") {
  return {
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1740816000,
    model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 },
  };
}

/** A clock that advances 250 ms per reading, so latency is exact without timing anything. */
function steppingClock(): () => number {
  let t = 1000;
  return () => {
    t += 250;
    return t;
  };
}

function port(overrides: Partial<OpenAiPortOptions> = {}) {
  return createOpenAiPort({
    baseURL: BASE,
    apiKey: KEY,
    model: "deepseek-chat",
    responseFormat: "json_object",
    timeoutMs: 5000,
    maxRetries: 0,
    now: steppingClock(),
    ...overrides,
  });
}

const fast = { "retry-after-ms": "1" };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("createOpenAiPort: the request it sends", () => {
  it("json_schema mode puts the schema in response_format (strict) and leaves the system message as given", async () => {
    let body: unknown;
    const scope = nock(BASE)
      .post("/chat/completions", (b) => {
        body = b;
        return true;
      })
      .matchHeader("authorization", `Bearer ${KEY}`)
      .reply(200, completion(answer, "gpt-4o-mini-2024-07-18"));
    const result = await port({ responseFormat: "json_schema", model: "gpt-4o-mini" }).complete(request);
    expect(body).toEqual({
      model: "gpt-4o-mini",
      messages: [
        { role: "system", content: "你是绩效自评报告的起草助手。" },
        { role: "user", content: "请起草“五、发现的主要问题和改进措施”。" },
      ],
      response_format: {
        type: "json_schema",
        json_schema: { name: "section_draft", schema, strict: true },
      },
      temperature: 0.2,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        content: answer,
        model: "gpt-4o-mini-2024-07-18",
        promptTokens: 120,
        completionTokens: 30,
        latencyMs: 250,
      },
    });
    expect(scope.isDone()).toBe(true);
  });

  it("json_object mode asks for a json object and describes the schema in the system message", async () => {
    let body: unknown;
    const scope = nock(BASE)
      .post("/chat/completions", (b) => {
        body = b;
        return true;
      })
      .reply(200, completion(answer));
    const result = await port().complete({
      ...request,
      history: [
        { role: "assistant", content: '{"text":"执行率120%"}' },
        { role: "user", content: "数字 120 不在事实表中，请改用 [[key]]。" },
      ],
    });
    expect(body).toEqual({
      model: "deepseek-chat",
      messages: [
        {
          role: "system",
          content: `你是绩效自评报告的起草助手。\n\n输出格式：只输出一个 json 对象（JSON object），不要输出 Markdown 代码块或任何其他文字。\n该对象（section_draft）须符合以下 JSON Schema：\n${JSON.stringify(schema)}`,
        },
        { role: "user", content: "请起草“五、发现的主要问题和改进措施”。" },
        { role: "assistant", content: '{"text":"执行率120%"}' },
        { role: "user", content: "数字 120 不在事实表中，请改用 [[key]]。" },
      ],
      response_format: { type: "json_object" },
      temperature: 0.2,
    });
    expect(result.ok && result.value.content).toBe(answer);
    expect(scope.isDone()).toBe(true);
  });

  it("sends a placeholder key to a local server that needs none", async () => {
    const scope = nock(BASE)
      .post("/chat/completions")
      .matchHeader("authorization", "Bearer not-needed")
      .reply(200, completion(answer, "qwen2.5:7b"));
    const { apiKey: _, ...noKey } = { apiKey: KEY };
    const result = await createOpenAiPort({
      ...noKey,
      baseURL: BASE,
      model: "qwen2.5:7b",
      responseFormat: "json_object",
      timeoutMs: 5000,
      maxRetries: 0,
    }).complete(request);
    expect(result.ok && result.value.model).toBe("qwen2.5:7b");
    expect(scope.isDone()).toBe(true);
  });
});

describe("createOpenAiPort: replies", () => {
  it("returns null content and no token counts when the model sends nothing", async () => {
    const { usage: _, ...noUsage } = completion(null);
    nock(BASE).post("/chat/completions").reply(200, noUsage);
    expect(await port().complete(request)).toEqual({
      ok: true,
      value: { content: null, model: "deepseek-chat", latencyMs: 250 },
    });
  });

  it("passes malformed JSON content through untouched: the drafter validates it", async () => {
    nock(BASE).post("/chat/completions").reply(200, completion('{"text": "未闭合'));
    const result = await port().complete(request);
    expect(result.ok && result.value.content).toBe('{"text": "未闭合');
  });

  it("turns a 200 that is not a chat completion (a web page) into llm.other", async () => {
    nock(BASE).post("/chat/completions").reply(200, { hello: "world" });
    expect(await port().complete(request)).toEqual({
      ok: false,
      error: {
        code: "llm.other",
        message:
          "模型服务 http://llm.test/v1 的回复不是 chat completion 格式：OPENAI_BASE_URL 可能指向了网页而不是 API（通常以 /v1 结尾）；本次改用确定性起草。",
      },
    });
  });
});

describe("createOpenAiPort: retries and failures", () => {
  it("retries a 429 once and returns the second reply", async () => {
    const scope = nock(BASE)
      .post("/chat/completions")
      .reply(429, { error: { message: "Rate limit reached", type: "requests" } }, fast)
      .post("/chat/completions")
      .reply(200, completion(answer));
    const result = await port({ maxRetries: 1 }).complete(request);
    expect(result.ok && result.value.content).toBe(answer);
    expect(scope.isDone()).toBe(true);
  });

  it("gives llm.rate_limited when the 429 persists", async () => {
    nock(BASE)
      .post("/chat/completions")
      .reply(429, { error: { message: "quota" } });
    expect(await port().complete(request)).toEqual({
      ok: false,
      error: {
        code: "llm.rate_limited",
        message:
          "模型服务限流（429）：请求过于频繁或账户额度已用完，请稍后再试或检查账户余额；本次改用确定性起草。",
      },
    });
  });

  it("gives llm.server after a 500, its retry and a second 500", async () => {
    const scope = nock(BASE)
      .post("/chat/completions")
      .twice()
      .reply(500, { error: { message: "internal error" } }, fast);
    expect(await port({ maxRetries: 1 }).complete(request)).toEqual({
      ok: false,
      error: {
        code: "llm.server",
        message:
          "模型服务 http://llm.test/v1 内部出错（500）（已自动重试 1 次）：这是服务方的问题，请稍后再试；本次改用确定性起草。",
      },
    });
    expect(scope.isDone()).toBe(true);
  });

  const timedOut = {
    ok: false,
    error: {
      code: "llm.timeout",
      message:
        "模型服务 http://llm.test/v1 在 0.2 秒内没有回复：本次改用确定性起草。服务较慢时可调大 LLM_TIMEOUT_MS（当前 200）。",
    },
  };

  it("gives llm.timeout when the headers come after timeoutMs", async () => {
    nock(BASE)
      .post("/chat/completions")
      .reply(async () => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return [200, completion(answer)];
      });
    expect(await port({ timeoutMs: 200 }).complete(request)).toEqual(timedOut);
  });

  it("gives llm.timeout when the headers come at once but the body after timeoutMs", async () => {
    nock(BASE).post("/chat/completions").delay(1000).reply(200, completion(answer));
    expect(await port({ timeoutMs: 200 }).complete(request)).toEqual(timedOut);
  });

  it("gives llm.auth on 401 without the key, even when the server echoes it", async () => {
    nock(BASE)
      .post("/chat/completions")
      .reply(401, { error: { message: `Incorrect API key provided: ${KEY}`, code: "invalid_api_key" } });
    const result = await port().complete(request);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "llm.auth",
        message:
          "模型服务拒绝了密钥（401）：请检查 OPENAI_API_KEY 是否正确、是否属于 http://llm.test/v1 这家服务、账户是否可用；本次改用确定性起草。",
      },
    });
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it("gives llm.auth on 403 too", async () => {
    nock(BASE)
      .post("/chat/completions")
      .reply(403, { error: { message: "forbidden" } });
    const result = await port().complete(request);
    expect(result.ok ? "" : result.error.code).toBe("llm.auth");
  });

  it("gives llm.bad_request naming LLM_MODEL for an unknown model, the key removed from the server text", async () => {
    nock(BASE)
      .post("/chat/completions")
      .reply(404, { error: { message: `Model Not Exist (key ${KEY})`, type: "invalid_request_error" } });
    expect(await port({ model: "deepseek-chatt" }).complete(request)).toEqual({
      ok: false,
      error: {
        code: "llm.bad_request",
        message:
          "模型服务拒绝了请求（404）：Model Not Exist (key ***)。请检查 LLM_MODEL（当前 deepseek-chatt）是否是该服务提供的模型名；本次改用确定性起草。",
      },
    });
  });

  it("suggests json_object when a json_schema request is refused with 400", async () => {
    nock(BASE)
      .post("/chat/completions")
      .reply(400, { error: { message: "This response_format type is unavailable now" } });
    const result = await port({ responseFormat: "json_schema" }).complete(request);
    expect(result.ok ? "" : result.error.message).toBe(
      "模型服务拒绝了请求（400）：This response_format type is unavailable now。请检查 LLM_MODEL（当前 deepseek-chat）是否是该服务提供的模型名；若该服务不支持 json_schema，请设 LLM_RESPONSE_FORMAT=json_object；本次改用确定性起草。",
    );
  });

  it("gives llm.unreachable when the connection is refused", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:80"), { code: "ECONNREFUSED" });
    nock(BASE).post("/chat/completions").replyWithError(refused);
    expect(await port().complete(request)).toEqual({
      ok: false,
      error: {
        code: "llm.unreachable",
        message:
          "无法连接模型服务 http://llm.test/v1：连接被拒绝，该地址上没有服务在运行（ECONNREFUSED）。请检查 OPENAI_BASE_URL 或网络；本次改用确定性起草。",
      },
    });
  });

  it("gives llm.unreachable for a real refused connection on the loopback (nock off, a port just freed)", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port: free } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    nock.restore();
    try {
      const result = await port({ baseURL: `http://127.0.0.1:${free}/v1` }).complete(request);
      expect(result).toEqual({
        ok: false,
        error: {
          code: "llm.unreachable",
          message: `无法连接模型服务 http://127.0.0.1:${free}/v1：连接被拒绝，该地址上没有服务在运行（ECONNREFUSED）。请检查 OPENAI_BASE_URL 或网络；本次改用确定性起草。`,
        },
      });
    } finally {
      nock.activate();
    }
  });

  it("gives llm.server for a request nock does not expect (HTTP 501), so an unplanned call never passes", async () => {
    nock(BASE).post("/other").reply(200, {});
    const result = await port().complete(request);
    expect(result.ok ? "" : result.error.code).toBe("llm.server");
  });
});
