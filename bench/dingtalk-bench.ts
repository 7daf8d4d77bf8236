import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { scriptMessages } from "../src/adapters/cli/chat-command.ts";
import { dingtalkChannel } from "../src/adapters/dingtalk/start-dingtalk.ts";
import { type App, composeApp } from "../src/app/open-app.ts";
import { robotMessage, settings } from "../test/adapters/dingtalk/dingtalk-testbed.ts";
import { FakeDingTalkGateway } from "../test/adapters/dingtalk/fake-dingtalk.ts";
import { FakeDingTalkApi } from "../test/adapters/dingtalk/fake-dingtalk-api.ts";
import { percentile } from "./timing.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

const CONVERSATIONS = join(import.meta.dirname, "../fixtures/conversations");
const UNIT = "郑州市金水区电子政务中心";

const pad = (n: number) => String(n).padStart(3, "0");

/**
 * DingTalk under load: `users` officers (staff U001…, each in their 1:1 chat with the robot) play
 * the seed-000 script (their own unit name throughout), one message each per round; every message
 * of a round is pushed at once as CALLBACK frames on the one Stream socket of the local fake
 * gateway, to the real channel (our Stream client, the bot, the service on a WAL database file);
 * replies go to the sessionWebhooks behind nock. Figures, over every message of every round after
 * a warm-up round: push → the client's ack frame at the gateway (what DingTalk's redelivery timer
 * sees), and push → the first reply posted to the message's sessionWebhook.
 */
export async function benchDingTalk(line: Line, users = 50): Promise<void> {
  const script = scriptMessages(readFileSync(join(CONVERSATIONS, "seed-000.txt"), "utf8"));
  const ids = Array.from({ length: users }, (_, u) => pad(u + 1));
  const dir = mkdtempSync(join(tmpdir(), "ziping-dingtalk-bench-"));
  const gateway = new FakeDingTalkGateway();
  const api = new FakeDingTalkApi();
  let app: App | undefined;
  let stop: (() => Promise<void>) | undefined;
  try {
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
    if (!nock.isActive()) nock.activate();
    api.install();
    await gateway.listen();
    let n = 0;
    let tick = 0;
    const clock = () => new Date(Date.UTC(2026, 10, 21, 2, 0, tick++));
    const composed = composeApp(join(dir, "bench.db"), { newId: () => `r${++n}`, now: clock });
    if (!composed.ok) throw new Error(composed.error.message);
    app = composed.value;
    const errors: string[] = [];
    const channel = dingtalkChannel(
      app.ziping,
      settings(gateway),
      { info: () => {}, error: (m, e) => errors.push(`${m} ${String(e)}`) },
      clock,
    );
    stop = () => channel.stop();
    const started = await channel.start();
    if (!started.ok) throw new Error(started.error.message);

    const toAck: number[] = [];
    const toReply: number[] = [];
    let m = 0;
    const round = async (who: string[], text: (id: string) => string, measure: boolean) => {
      const pushed = who.map((id) => {
        const msgId = `bench${++m}`;
        return {
          msgId,
          frame: gateway.push(
            robotMessage(text(id), { staff: `U${id}`, msgId, expiresAt: Date.UTC(2030, 0, 1) }),
          ),
        };
      });
      await gateway.until(() => pushed.every((p) => gateway.ackedAt.has(p.frame)));
      await channel.bot.idle();
      if (!measure) return;
      for (const p of pushed) {
        const at = gateway.pushedAt.get(p.frame) ?? 0;
        const reply = api.calls.find((c) => c.path === `/robot/sendBySession?session=s-${p.msgId}`);
        if (reply === undefined)
          throw new Error(`dingtalk bench: no reply to ${p.msgId}; errors: ${errors.join("；")}`);
        toAck.push((gateway.ackedAt.get(p.frame) ?? at) - at);
        toReply.push(reply.at - at);
      }
    };

    const first = script[0] ?? "";
    await round(
      ids.map((id) => `W${id}`),
      (id) => first.replaceAll(UNIT, `郑州市金水区预热${id}中心`),
      false,
    );
    for (const text of script)
      await round(ids, (id) => text.replaceAll(UNIT, `郑州市金水区第${id}电子政务中心`), true);
    if (errors.length > 0)
      throw new Error(`dingtalk bench: ${errors.length} errors logged, first: ${errors[0]}`);

    const extra = { users, rounds: script.length, messages: toAck.length, script: "seed-000.txt" };
    line("dingtalk_message_to_ack_median_ms", percentile(toAck, 0.5), "ms", extra);
    line("dingtalk_message_to_ack_p99_ms", percentile(toAck, 0.99), "ms", extra);
    line("dingtalk_message_to_reply_median_ms", percentile(toReply, 0.5), "ms", extra);
    line("dingtalk_message_to_reply_p99_ms", percentile(toReply, 0.99), "ms", extra);
    line("dingtalk_messages_measured", toAck.length, "messages", { users, rounds: script.length });
  } finally {
    await stop?.();
    app?.close();
    await gateway.close();
    nock.cleanAll();
    nock.enableNetConnect();
    nock.restore();
    rmSync(dir, { recursive: true, force: true });
  }
}
