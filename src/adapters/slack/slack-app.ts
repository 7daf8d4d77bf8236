import { App as BoltApp, type Logger, LogLevel, type Receiver, type webApi } from "@slack/bolt";
import { registerActions } from "./listeners/actions.ts";
import { registerCommand } from "./listeners/command.ts";
import { registerCorrectView } from "./listeners/correct-view.ts";
import { registerHome } from "./listeners/home.ts";
import { registerMessages } from "./listeners/messages.ts";
import type { SlackContext } from "./slack-context.ts";
import { type SlackDeps, SlackTurns } from "./slack-turns.ts";

/** How the Bolt app is built: tokens, the receiver (Socket Mode, HTTP or a test's), client settings. */
export interface SlackAppOptions {
  botToken: string;
  receiver: Receiver;
  logger: Logger;
  /** Bolt sets the logger to this level (INFO unless given). */
  logLevel?: LogLevel;
  /** Known in tests (no auth.test call); looked up by Bolt otherwise. */
  botUserId?: string;
  botId?: string;
  /**
   * Verify the token later, in `bolt.init()`, where a failure can be caught and explained (Bolt
   * otherwise calls auth.test from its constructor, and an unreachable Slack becomes an unhandled
   * rejection).
   */
  deferInitialization?: boolean;
  /** Web API settings: the API's URL in tests, retries for rate limits. */
  clientOptions?: webApi.WebClientOptions;
}

/**
 * Rate-limited calls (HTTP 429) wait for Slack's Retry-After and are tried again, up to four times
 * with backoff; other failures are not retried blindly (a repeated chat.postMessage would post
 * twice).
 */
export const DEFAULT_RETRY = { retries: 4, factor: 2, minTimeout: 1000, maxTimeout: 30_000, randomize: true };

/**
 * The Slack app: Bolt with ziping's listeners by surface (messages and mentions, /ziping, buttons,
 * the correction modal, App Home). Every event id is claimed in SQLite before its listener runs,
 * so a retried or redelivered event — also after a restart — has one effect.
 */
export function createSlackApp(
  deps: SlackDeps,
  options: SlackAppOptions,
): { bolt: BoltApp; ctx: SlackContext } {
  const bolt = new BoltApp({
    token: options.botToken,
    receiver: options.receiver,
    logger: options.logger,
    logLevel: options.logLevel ?? LogLevel.INFO,
    deferInitialization: options.deferInitialization === true,
    ...(options.botUserId === undefined
      ? {}
      : { botUserId: options.botUserId, tokenVerificationEnabled: false }),
    ...(options.botId === undefined ? {} : { botId: options.botId }),
    clientOptions: { retryConfig: DEFAULT_RETRY, ...options.clientOptions, logger: options.logger },
  });
  const ctx: SlackContext = {
    ziping: deps.ziping,
    clock: deps.clock,
    turns: new SlackTurns(deps),
    dms: new Map(),
  };
  bolt.use(async ({ body, next, logger }) => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id === "string" && !(await deps.ziping.claimEvent(id, deps.clock()))) {
      logger.info(`事件 ${id} 已处理过（Slack 重试或重复投递），跳过`);
      return;
    }
    await next();
  });
  registerMessages(bolt, ctx);
  registerCommand(bolt, ctx);
  registerActions(bolt, ctx);
  registerCorrectView(bolt, ctx);
  registerHome(bolt, ctx);
  bolt.error(async (error) => {
    deps.logger.error("Slack 事件处理出错", error);
  });
  return { bolt, ctx };
}
