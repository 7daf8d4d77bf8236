import { randomBytes } from "node:crypto";
import type { Config } from "../../config.ts";
import type { ChannelPlan } from "../../services/channel-port.ts";
import { consoleRunnerLog, runChannels, untilSignal } from "../../services/run-channels.ts";
import type { Ziping } from "../../services/ziping.ts";
import { startAibot } from "./aibot-channel.ts";
import { fetchDownload } from "./aibot-file.ts";
import { startCallback } from "./callback-channel.ts";
import { type WeComLogger, weComLogger } from "./wecom-logger.ts";
import { type WeComSettings, weComLeaseKey } from "./wecom-settings.ts";

/** The secrets of the settings: hidden from every log line. */
function secretsOf(settings: WeComSettings): string[] {
  return settings.mode === "aibot" ? [settings.botSecret] : [settings.corpSecret, settings.encodingAesKey];
}

/** What the channel says when it is up, in Chinese. */
function startedLine(settings: WeComSettings, port: number | undefined): string {
  return settings.mode === "aibot"
    ? `已连接企业微信智能机器人 ${settings.botId}（长连接 ${settings.wsUrl}）`
    : `已启动企业微信回调（端口 ${port ?? settings.port}，地址 /wecom/callback；接口 ${settings.apiUrl}）`;
}

/**
 * WeCom as a channel of `npm start` (services/run-channels.ts): connects (the AI bot's long
 * connection, or the callback receiver after the secret is accepted) and resumes this channel's
 * unfinished deliveries; a refused secret or an unreachable server is a Chinese reason. When WeCom
 * ends the connection because the same bot connected elsewhere, the run ends (exit 3) with why.
 */
export function weComPlan(
  settings: WeComSettings,
  log: WeComLogger = weComLogger(() => secretsOf(settings)),
): ChannelPlan {
  // The AI bot allows one connection: with several instances only its lease holder connects.
  const leaseKey = weComLeaseKey(settings);
  return {
    name: "企业微信",
    ...(leaseKey === undefined ? {} : { single: true, leaseKey }),
    async start(ziping) {
      const deps = {
        ziping,
        clock: () => new Date(),
        download: fetchDownload,
        log,
        // Unique per bot across restarts: a timestamp and random hex (letters, digits and _ only).
        taskId: () => `zp_${Date.now().toString(36)}_${randomBytes(6).toString("hex")}`,
      };
      const started =
        settings.mode === "aibot" ? await startAibot(settings, deps) : await startCallback(settings, deps);
      if (!started.ok) return { ok: false, message: started.error.message };
      const port = "port" in started.value ? Number(started.value.port) : undefined;
      return {
        ok: true,
        channel: {
          name: "企业微信",
          connected: `${startedLine(settings, port)}。`,
          stop: () => started.value.stop(),
          ended: started.value.ended,
        },
      };
    },
  };
}

/**
 * `npm start` with only WeCom: runs its plan until SIGINT/SIGTERM (exit 0) or until WeCom ends the
 * connection (exit 3); a refused secret or an unreachable server: the reason on stderr, exit 3.
 */
export function startWeCom(ziping: Ziping, config: Config, settings: WeComSettings): Promise<number> {
  const secrets = secretsOf(settings);
  const redact = (line: string) =>
    secrets.reduce((t, s) => (s === "" ? t : t.split(s).join("[已隐藏]")), line);
  return untilSignal((stopped) =>
    runChannels(ziping, config, [weComPlan(settings)], stopped, consoleRunnerLog(redact)),
  );
}
