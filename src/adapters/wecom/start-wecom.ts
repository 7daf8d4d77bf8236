import { randomBytes } from "node:crypto";
import type { Config } from "../../config.ts";
import type { Result } from "../../core/result.ts";
import type { Ziping } from "../../services/ziping.ts";
import { type RunningChannel, startAibot } from "./aibot-channel.ts";
import { fetchDownload } from "./aibot-file.ts";
import { startCallback } from "./callback-channel.ts";
import { type WeComLogger, weComLogger } from "./wecom-logger.ts";
import type { WeComSettings } from "./wecom-settings.ts";

/** Event ids (file messages) are kept a day: WeCom redelivers within minutes, and a restart loses none. */
const KEEP_EVENTS_MS = 24 * 60 * 60 * 1000;

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
 * WeCom as one channel among several: `start` connects (the AI bot's long connection, or the
 * callback receiver after the secret is accepted) and resumes this channel's unfinished
 * deliveries; it fails with a Chinese reason on a refused secret or an unreachable server. `stop`
 * waits for the events being handled, then disconnects. The caller owns the service.
 */
export function weComChannel(
  ziping: Ziping,
  settings: WeComSettings,
  log: WeComLogger = weComLogger(() => secretsOf(settings)),
): { start(): Promise<Result<RunningChannel & { describe: string }>> } {
  return {
    async start() {
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
      if (!started.ok) return started;
      const port = "port" in started.value ? Number(started.value.port) : undefined;
      return { ok: true, value: { ...started.value, describe: startedLine(settings, port) } };
    },
  };
}

/**
 * `npm start` with WeCom settings: prunes old event ids, starts the channel, and runs until
 * SIGINT/SIGTERM (exit 0) or until WeCom ends the connection because the same bot connected
 * elsewhere (exit 3). A refused secret or an unreachable server: a Chinese reason on stderr, exit 3.
 */
export async function startWeCom(ziping: Ziping, config: Config, settings: WeComSettings): Promise<number> {
  const log = weComLogger(() => secretsOf(settings));
  const now = () => new Date();
  try {
    await ziping.pruneEvents(new Date(now().getTime() - KEEP_EVENTS_MS));
    await ziping.pruneHandledMessages(now(), config.ZIPING_KEEP_MESSAGES_DAYS);
  } catch (error) {
    log.error("清理过期的企业微信消息记录失败", error);
  }
  log.info(
    settings.mode === "aibot" ? `正在连接企业微信（${settings.wsUrl}）……` : "正在检查企业微信应用凭证……",
  );
  const started = await weComChannel(ziping, settings, log).start();
  if (!started.ok) {
    process.stderr.write(`${started.error.message}\n`);
    ziping.close();
    return 3;
  }
  const channel = started.value;
  const model = ziping.model;
  log.info(
    `ziping ${channel.describe}；数据库 ${config.ZIPING_DB}；起草：${model === undefined ? "确定性起草" : `模型 ${model}`}。按 Ctrl+C 退出。`,
  );
  let stop = () => {};
  const outcome = await new Promise<{ code: number; why?: string }>((resolve) => {
    stop = () => resolve({ code: 0 });
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    void channel.ended.then((why) => resolve({ code: 3, why }));
  });
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
  if (outcome.why !== undefined) process.stderr.write(`${outcome.why}\n`);
  await channel.stop();
  ziping.close();
  log.info("ziping 已退出。");
  return outcome.code;
}
