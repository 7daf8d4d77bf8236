import { readFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import type { Config } from "../../config.ts";
import { fail, ok, type Result } from "../../core/result.ts";
import type { ChannelPlan } from "../../services/channel-port.ts";
import { type ChannelLog, resumeDeliveries } from "../../services/channel-turns.ts";
import { consoleRunnerLog, runChannels, untilSignal } from "../../services/run-channels.ts";
import type { Ziping } from "../../services/ziping.ts";
import { GovCallbackReceiver } from "./callback-server.ts";
import { GovDingTalkClient } from "./gov-client.ts";
import { govOutbound } from "./gov-outbound.ts";
import { govKeyPrefix, govPlaceOfKey } from "./gov-place.ts";
import type { GovDingTalkSettings } from "./gov-settings.ts";

/** A REST call that takes longer than this has failed. */
const TIMEOUT_MS = 15_000;

/** A running 政务钉钉 channel: the port it listens on, and how to stop it cleanly. */
export interface GovChannel {
  port: number;
  /** Resolves once every callback received so far has been handled. */
  idle(): Promise<void>;
  /** Stops taking callbacks and waits for the messages being handled. */
  stop(): Promise<void>;
}

/** What tests (and several channels run together) may set; the defaults are the real machine's. */
export interface GovStartOptions {
  clock?: () => Date;
  log?: ChannelLog;
  /** The host's IP and MAC for the X-Hmac-Auth-IP / -MAC headers (default: the first external interface). */
  ip?: string;
  mac?: string;
  nonce?: () => string;
  /** Where the receiver listens (default: every interface). */
  listenHost?: string;
}

/**
 * Starts the channel: reads the CA, checks the app key and secret by fetching a token (a refusal
 * stops here), listens for callbacks, then delivers the drafts asked for in its conversations that
 * were never handed over. Returns the running channel or why it cannot run, in Chinese.
 */
export async function startGovChannel(
  ziping: Ziping,
  settings: GovDingTalkSettings,
  options: GovStartOptions = {},
): Promise<Result<GovChannel>> {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? consoleLog([settings.appSecret, settings.callbackSecret]);
  let ca: string | undefined;
  if (settings.caFile !== undefined) {
    try {
      ca = readFileSync(settings.caFile, "utf8");
    } catch {
      return fail(
        "govdingtalk.ca",
        `无法读取 GOV_DINGTALK_CA_FILE 指向的证书文件 ${settings.caFile}：请确认路径正确且 ziping 有权读取（PEM 格式，以 -----BEGIN CERTIFICATE----- 开头）。`,
      );
    }
  }
  const host = hostAddress();
  const client = new GovDingTalkClient({
    host: settings.apiHost,
    appKey: settings.appKey,
    appSecret: settings.appSecret,
    tenantId: settings.tenantId,
    ip: options.ip ?? host.ip,
    mac: options.mac ?? host.mac,
    clock,
    timeoutMs: TIMEOUT_MS,
    ...(ca === undefined ? {} : { ca }),
    ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
  });
  const token = await client.accessToken();
  if (!token.ok) return token;
  const receiver = new GovCallbackReceiver({
    ziping,
    client,
    tenantId: settings.tenantId,
    callbackPath: settings.callbackPath,
    guard:
      settings.callbackCrypto === undefined
        ? { kind: "signed", secret: settings.callbackSecret }
        : { kind: "encrypted", crypto: settings.callbackCrypto },
    clock,
    log,
  });
  const port = await receiver.listen(settings.callbackPort, options.listenHost);
  if (!port.ok) return port;
  try {
    await resumeDeliveries(
      ziping,
      govKeyPrefix(settings.tenantId),
      (key) => {
        const place = govPlaceOfKey(key);
        return place === null ? undefined : govOutbound(client, place);
      },
      clock,
      log,
    );
  } catch (error) {
    log.error("继续交付上次未完成的报告失败", error);
  }
  return ok({ port: port.value, idle: () => receiver.idle(), stop: () => receiver.close() });
}

/**
 * 政务钉钉 as a channel of `npm start` (services/run-channels.ts): checks the app key, listens for
 * callbacks and resumes undelivered drafts; a refused key, an unreachable host or a port in use is
 * a Chinese reason. Secrets are never printed.
 */
export function govDingTalkPlan(settings: GovDingTalkSettings): ChannelPlan {
  return {
    name: "政务钉钉",
    async start(ziping) {
      const started = await startGovChannel(ziping, settings);
      if (!started.ok) return { ok: false, message: `${started.error.message}\n数据没有受影响。` };
      return {
        ok: true,
        channel: {
          name: "政务钉钉",
          connected: `已连接政务钉钉（${settings.apiHost}，租户 ${settings.tenantId}）：在端口 ${started.value.port} 接收回调，地址 ${settings.callbackPath}。`,
          stop: () => started.value.stop(),
        },
      };
    },
  };
}

/** `npm start` with only 政务钉钉: runs its plan until SIGINT/SIGTERM; exit 3 with the reason when it cannot start. */
export function startGovDingTalk(
  ziping: Ziping,
  config: Config,
  settings: GovDingTalkSettings,
): Promise<number> {
  const redact = redactor([settings.appSecret, settings.callbackSecret]);
  return untilSignal((stopped) =>
    runChannels(ziping, config, [govDingTalkPlan(settings)], stopped, consoleRunnerLog(redact)),
  );
}

/** The first external IPv4 address and its MAC (the gateway records them); loopback when there is none. */
function hostAddress(): { ip: string; mac: string } {
  for (const addresses of Object.values(networkInterfaces()))
    for (const a of addresses ?? [])
      if (a.family === "IPv4" && !a.internal) return { ip: a.address, mac: a.mac };
  return { ip: "127.0.0.1", mac: "00:00:00:00:00:00" };
}

/** Lines to the console with every secret replaced (a secret never reaches a log). */
function consoleLog(secrets: readonly string[]): ChannelLog {
  const redact = redactor(secrets);
  return {
    info: (message) => process.stdout.write(`${redact(message)}\n`),
    error: (message, error) =>
      process.stderr.write(
        `${redact(message)}：${redact(error instanceof Error ? error.message : String(error))}\n`,
      ),
  };
}

/** Replaces every secret in a line with [已隐藏]. */
function redactor(secrets: readonly string[]): (text: string) => string {
  return (text) => secrets.reduce((t, s) => (s === "" ? t : t.split(s).join("[已隐藏]")), text);
}
