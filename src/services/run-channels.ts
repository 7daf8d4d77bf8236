import type { Config } from "../config.ts";
import type { ChannelPlan, RunningChannel } from "./channel-port.ts";
import type { Ziping } from "./ziping.ts";

/** Where the runner writes its progress lines (stderr by default). */
export interface RunnerLog {
  info(line: string): void;
  error(line: string): void;
}

/** Event ids are kept a day: platforms retry within minutes, and a restart loses none. */
const KEEP_EVENTS_MS = 24 * 60 * 60 * 1000;

/**
 * `npm start` with one or more chat channels configured: each is started in turn (a refusal stops
 * the ones already started and returns 3, as Slack's start always has), a line per channel says it
 * is connected, old event and message ids are pruned (at start and hourly), and the process runs
 * until `stopped` resolves (SIGINT/SIGTERM: exit 0) or a channel's platform ends it (`ended`, e.g.
 * the same WeCom bot connected elsewhere: its reason, exit 3), when every channel stops and the
 * service closes.
 */
export async function runChannels(
  ziping: Ziping,
  config: Config,
  plans: readonly ChannelPlan[],
  stopped: Promise<void>,
  log: RunnerLog,
  now: () => Date = () => new Date(),
): Promise<number> {
  const prune = async () => {
    try {
      await ziping.pruneEvents(new Date(now().getTime() - KEEP_EVENTS_MS));
    } catch (error) {
      log.error(`清理过期的事件记录失败：${error instanceof Error ? error.message : String(error)}`);
    }
  };
  await prune();
  try {
    await ziping.pruneHandledMessages(now(), config.ZIPING_KEEP_MESSAGES_DAYS);
  } catch (error) {
    log.error(`清理过期的已处理消息记录失败：${error instanceof Error ? error.message : String(error)}`);
  }
  const running: RunningChannel[] = [];
  const stopAll = async () => {
    for (const channel of running.reverse())
      await channel
        .stop()
        .catch((error: unknown) =>
          log.error(`停止${channel.name}时出错：${error instanceof Error ? error.message : String(error)}`),
        );
  };
  for (const plan of plans) {
    log.info(`正在连接${plan.name}……`);
    const started = await plan.start(ziping, config);
    if (!started.ok) {
      log.error(started.message);
      await stopAll();
      ziping.close();
      return 3;
    }
    running.push(started.channel);
    log.info(started.channel.connected);
  }
  // The channels' starts registered their conversations with the draft worker: from now on turns
  // only enqueue 生成报告 and the worker delivers.
  ziping.drafts.start();
  const timer = setInterval(() => void prune(), 60 * 60 * 1000);
  timer.unref();
  const model = ziping.model;
  log.info(
    `ziping 已启动：${running.map((c) => c.name).join("、")}；数据库 ${config.ZIPING_DB}；起草：${model === undefined ? "确定性起草" : `模型 ${model}`}。按 Ctrl+C 退出。`,
  );
  // Stopped by a signal, or by a channel the platform ended (a second connection of the same bot).
  const ended = await Promise.race([
    stopped.then(() => undefined),
    ...running.flatMap((c) => (c.ended === undefined ? [] : [c.ended])),
  ]);
  clearInterval(timer);
  if (ended !== undefined) log.error(ended);
  await stopAll();
  await ziping.drafts.stop();
  ziping.close();
  log.info("ziping 已退出。");
  return ended === undefined ? 0 : 3;
}

/**
 * Runs `run` with a promise that resolves on the first SIGINT or SIGTERM; the handlers are removed
 * afterwards (a test or a second run does not inherit them).
 */
export async function untilSignal(run: (stopped: Promise<void>) => Promise<number>): Promise<number> {
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = () => resolve();
  });
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    return await run(stopped);
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

/** The runner's log on the console: progress on stdout, problems on stderr, with `redact` applied. */
export function consoleRunnerLog(redact: (line: string) => string = (line) => line): RunnerLog {
  return {
    info: (line) => process.stdout.write(`${redact(line)}\n`),
    error: (line) => process.stderr.write(`${redact(line)}\n`),
  };
}
