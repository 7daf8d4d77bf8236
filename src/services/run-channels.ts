import type { Config } from "../config.ts";
import type { ChannelPlan, RunningChannel } from "./channel-port.ts";
import { SINGLE_LEASE_MS, SINGLE_RENEW_MS, SingleChannel } from "./single-channel.ts";
import type { Ziping } from "./ziping.ts";

/** Where the runner writes its progress lines (stderr by default). */
export interface RunnerLog {
  info(line: string): void;
  error(line: string): void;
}

/** Event ids are kept a day: platforms retry within minutes, and a restart loses none. */
export const KEEP_EVENTS_MS = 24 * 60 * 60 * 1000;

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
  const singles: SingleChannel[] = [];
  const stopAll = async () => {
    for (const single of singles.splice(0))
      await single
        .stop()
        .catch((error: unknown) =>
          log.error(`停止${single.name}时出错：${error instanceof Error ? error.message : String(error)}`),
        );
    for (const channel of running.reverse())
      await channel
        .stop()
        .catch((error: unknown) =>
          log.error(`停止${channel.name}时出错：${error instanceof Error ? error.message : String(error)}`),
        );
  };
  for (const plan of plans) {
    log.info(`正在连接${plan.name}……`);
    if (plan.single === true) {
      // One connection for all instances: started only while this instance holds its lease.
      const single = new SingleChannel(plan, ziping, config, ziping.drafts.id, now, log);
      const first = await single.step();
      if (!first.ok) {
        log.error(first.message);
        await stopAll();
        ziping.close();
        return 3;
      }
      singles.push(single);
      log.info(single.running?.connected ?? standbyLine(plan.name));
      continue;
    }
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
  const renew = setInterval(() => {
    for (const single of singles) void stepSingle(single, log);
  }, SINGLE_RENEW_MS);
  renew.unref();
  const model = ziping.model;
  log.info(
    `ziping 已启动：${[...running.map((c) => c.name), ...singles.map((c) => c.name)].join("、")}；数据库 ${config.ZIPING_DB}；起草：${model === undefined ? "确定性起草" : `模型 ${model}`}。按 Ctrl+C 退出。`,
  );
  // Stopped by a signal, or by a channel the platform ended (a second connection of the same bot).
  const ended = await Promise.race([
    stopped.then(() => undefined),
    ...running.flatMap((c) => (c.ended === undefined ? [] : [c.ended])),
    ...singles.map((c) => c.ended),
  ]);
  clearInterval(timer);
  clearInterval(renew);
  if (ended !== undefined) log.error(ended);
  await stopAll();
  await ziping.drafts.stop();
  ziping.close();
  log.info("ziping 已退出。");
  return ended === undefined ? 0 : 3;
}

/** What a standby instance says about a channel another instance holds. */
function standbyLine(name: string): string {
  return `${name}已由另一个实例连接；本实例待命，该实例停止后 ${SINGLE_LEASE_MS / 1000} 秒内接管。`;
}

/** One renewal (or takeover attempt) of a single channel; what changed is logged. */
async function stepSingle(single: SingleChannel, log: RunnerLog): Promise<void> {
  const before = single.running;
  try {
    const stepped = await single.step();
    if (!stepped.ok) log.error(stepped.message);
    else if (before === undefined && single.running !== undefined) log.info(single.running.connected);
  } catch (error) {
    log.error(`${single.name}的连接租约无法续期：${error instanceof Error ? error.message : String(error)}`);
  }
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
