import { afterEach, describe, expect, test, vi } from "vitest";
import { startWeCom } from "../../../src/adapters/wecom/start-wecom.ts";
import { readConfig } from "../../../src/config.ts";
import { testApp } from "../../services/chat-harness.ts";
import { FakeWeCom } from "./fake-wecom.ts";
import { BOT, SECRET } from "./wecom-testbed.ts";

const read = readConfig({});
if (!read.ok) throw new Error(read.message);
const config = read.config;

afterEach(() => {
  vi.restoreAllMocks();
});

/** Everything written to stderr while `run` runs. */
async function stderrOf(run: () => Promise<number>): Promise<{ code: number; lines: string }> {
  const written: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  const code = await run();
  vi.restoreAllMocks();
  return { code, lines: written.join("") };
}

describe("npm start with WeCom settings", () => {
  test("a refused secret: exit 3, the reason in Chinese on stderr, the secret never printed", async () => {
    const fake = await FakeWeCom.start(BOT, SECRET);
    const app = testApp();
    const { code, lines } = await stderrOf(() =>
      startWeCom(app.ziping, config, {
        mode: "aibot",
        botId: BOT,
        botSecret: "wrong-secret-987654",
        wsUrl: fake.url,
      }),
    );
    await fake.close();
    expect(code).toBe(3);
    expect(lines).toContain("企业微信拒绝了智能机器人的凭证（invalid secret (code: 40058)）");
    expect(lines).not.toContain("wrong-secret-987654");
  });

  test("the same bot connected elsewhere: WeCom's disconnected_event ends the run with exit 3 and says why", async () => {
    const fake = await FakeWeCom.start(BOT, SECRET);
    const app = testApp();
    const { code, lines } = await stderrOf(async () => {
      const run = startWeCom(app.ziping, config, {
        mode: "aibot",
        botId: BOT,
        botSecret: SECRET,
        wsUrl: fake.url,
      });
      await fake.until(() => fake.frames.some((f) => f.cmd === "aibot_subscribe"));
      fake.push(
        {
          msgid: "d1",
          aibotid: BOT,
          msgtype: "event",
          from: { userid: "" },
          event: { eventtype: "disconnected_event" },
        },
        "aibot_event_callback",
      );
      return run;
    });
    await fake.close();
    expect(code).toBe(3);
    expect(lines).toContain(
      `同一个智能机器人（${BOT}）在别处建立了新的长连接。一个机器人只能由一个 ziping 进程连接`,
    );
    expect(lines).not.toContain(SECRET);
  });
});
