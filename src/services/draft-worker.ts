import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Json } from "../conversation/patch.ts";
import type { ClaimedJob, DeliveryJobRepository } from "../storage/repositories.ts";
import type { ChannelOutbound, MessageRef } from "./channel-port.ts";
import type { ChannelLog } from "./channel-turns.ts";
import type { Delivery } from "./chat-service.ts";
import { handOver, replaceNotice } from "./hand-over.ts";
import type { Ziping } from "./ziping.ts";

/**
 * How long a claimed draft is this worker's without renewal: a worker that dies loses it after
 * this. A live worker renews it every third of it while drafting, however long the draft takes.
 */
export const DRAFT_LEASE_MS = 10 * 60 * 1000;
/** The wait after failed attempt 1, 2, 3; attempt 4 failing is the last. */
export const RETRY_DELAYS_MS: readonly number[] = [30_000, 2 * 60_000, 10 * 60_000];
const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** How many drafting notices of this process's turns are remembered for their jobs. */
const MAX_NOTICES = 1000;
/** How often the loop looks for due jobs (retries, and jobs other instances enqueued or lost). */
const POLL_MS = 5000;

/** What the officer is told when the last attempt has failed. */
export const DRAFT_GAVE_UP = `报告生成失败：已自动重试 ${MAX_ATTEMPTS} 次仍未成功。已填写的数据都已保存，请稍后再说一次“生成报告”；如果反复出现，请联系管理员查看日志。`;

/** A channel the worker delivers for: where each conversation's messages go, its clock and log. */
export interface ServedChannel {
  outboundOf: (conversationKey: string) => ChannelOutbound | undefined;
  now: () => Date;
  log: ChannelLog;
}

/**
 * The draft worker of this process: drafting as durable jobs. 生成报告 commits a job with its turn;
 * the worker claims due jobs (its lease, exclusive across instances), drafts each, hands the files
 * over through the channel of the job's conversation and finishes it. A failure is retried after
 * 30 s, 2 min and 10 min; after the 4th the job fails and the officer is told to ask again. A
 * worker that dies loses its lease and another instance's worker takes the job. One job at a time.
 */
export class DraftWorker {
  /** This worker's name in the job table (host, process, random). */
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  readonly #served = new Map<string, ServedChannel>();
  /**
   * Drafting notices of this process's turns (the reference once sent), to be replaced by the
   * result: registered before the notice is sent, so a worker that claims the job at once waits for it.
   */
  readonly #notices = new Map<number, { out: ChannelOutbound; ref: Promise<MessageRef | undefined> }>();
  #lease = { ms: DRAFT_LEASE_MS, renewMs: DRAFT_LEASE_MS / 3 };
  #run: Promise<number> | undefined;
  #again = false;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly ziping: Ziping,
    private readonly jobs: DeliveryJobRepository,
  ) {}

  /** Sets how long a claim lasts and how often the job in hand renews it (tests and benches shorten them). */
  setLease(ms: number, renewMs: number = ms / 3): void {
    this.#lease = { ms, renewMs };
  }

  /** Delivers the conversations whose keys start with `prefix` (a channel's start registers it). */
  serve(prefix: string, channel: ServedChannel): void {
    this.#served.set(prefix, channel);
  }

  /** Whether turns in this conversation leave drafting to the running worker. */
  serves(conversationKey: string): boolean {
    return this.#timer !== undefined && [...this.#served.keys()].some((p) => conversationKey.startsWith(p));
  }

  /** Starts the loop: due jobs are looked for every few seconds and whenever a turn enqueues one. */
  start(pollMs: number = POLL_MS): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => this.poke(), pollMs);
    this.#timer.unref();
  }

  /** Stops the loop; settles once the job in hand is finished. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.idle();
  }

  /** Settles when no job is being run. */
  async idle(): Promise<void> {
    while (this.#run !== undefined) await this.#run;
  }

  /**
   * A turn enqueued `delivery`: says 正在生成 once `after` (the turn's replies) is sent (replaced by
   * the result later, where messages can be updated; nothing when the replies could not be sent)
   * and wakes the worker. The turn does not wait for the draft. This is the job's one drafting
   * notice, registered at once (before any await), so a worker of this process that claims the job
   * meanwhile waits for it; a worker of another instance, a retry or a restart sends none.
   */
  async announce(
    out: ChannelOutbound,
    delivery: Delivery,
    after: Promise<unknown> = Promise.resolve(),
  ): Promise<void> {
    const model = this.ziping.model;
    const ref = after.then(
      () => out.send({ kind: "drafting", delivery, ...(model === undefined ? {} : { model }) }),
      () => undefined,
    );
    const jobId = delivery.jobId;
    if (jobId !== undefined) {
      this.#notices.set(jobId, { out, ref: ref.catch(() => undefined) });
      // Jobs another instance ran leave their notice here: only the latest few are kept.
      for (const id of this.#notices.keys()) if (this.#notices.size > MAX_NOTICES) this.#notices.delete(id);
    }
    try {
      const sent = await ref;
      // Recorded with the job: a worker of another instance (or after a restart) replaces it too.
      if (jobId !== undefined && sent !== undefined)
        await this.jobs.setNotice(jobId, sent).catch(() => undefined); // then only this process replaces it
    } finally {
      this.poke();
    }
  }

  /** Runs the due jobs in the background; a failure (the database gone) goes to a served channel's log. */
  poke(): void {
    void this.runDue().catch((error: unknown) => {
      for (const channel of this.#served.values()) return channel.log.error("起草任务队列出错", error);
    });
  }

  /**
   * Claims and runs due jobs of the served channels until none is due; returns how many were
   * handed over. A call while a run is going joins it (and makes it look once more).
   */
  runDue(): Promise<number> {
    if (this.#run !== undefined) {
      this.#again = true;
      return this.#run;
    }
    const run = this.#drain().finally(() => {
      this.#run = undefined;
    });
    this.#run = run;
    return run;
  }

  async #drain(): Promise<number> {
    let delivered = 0;
    do {
      this.#again = false;
      for (const [prefix, channel] of this.#served) {
        for (;;) {
          const job = await this.jobs.claim({
            prefixes: [prefix],
            worker: this.id,
            now: channel.now(),
            leaseMs: this.#lease.ms,
          });
          if (job === undefined) break;
          if (await this.#runJob(job, channel)) delivered += 1;
        }
      }
    } while (this.#again);
    return delivered;
  }

  /** One claimed job: drafted and handed over (true), or retried, or failed and told. */
  async #runJob(job: ClaimedJob, channel: ServedChannel): Promise<boolean> {
    const { now, log } = channel;
    const notice = this.#notices.get(job.id);
    this.#notices.delete(job.id);
    const out = notice?.out ?? channel.outboundOf(job.conversationKey);
    if (out === undefined) {
      log.error(`报告 ${job.reportId} 的会话 ${job.conversationKey} 无法送达，任务作废`, undefined);
      await this.jobs.fail(job.id, this.id, "no place to deliver to", now());
      return false;
    }
    // Asked for before this process took it (a restart, or another instance's turn, which said 正在生成).
    if (notice === undefined && job.attempts === 1)
      log.info(`继续交付上次未完成的报告 ${job.reportId}（${job.conversationKey}）`);
    // Held from here: waiting for the turn's notice counts as time in hand too.
    const hold = this.#hold(job, channel);
    try {
      const ref = notice === undefined ? (job.noticeRef ?? undefined) : await notice.ref;
      return await this.#attempt(job, channel, out, ref, hold.renew);
    } finally {
      hold.stop();
    }
  }

  /** One attempt at a held job, `ref` its drafting notice: handed over, or retried, or failed and told. */
  async #attempt(
    job: ClaimedJob,
    channel: ServedChannel,
    out: ChannelOutbound,
    ref: MessageRef | undefined,
    stillOurs: () => Promise<boolean>,
  ): Promise<boolean> {
    const { now, log } = channel;
    if (job.attempts > MAX_ATTEMPTS) {
      // Its last attempt's worker died holding it: no attempt is left.
      await this.#giveUp(job, out, ref, "lease expired on the last attempt", channel);
      return false;
    }
    const delivery: Delivery = { reportId: job.reportId, doc: job.doc as Json, jobId: job.id };
    try {
      return await handOver(this.ziping, out, delivery, now, ref, stillOurs);
    } catch (error) {
      log.error(`生成或上传报告失败（第 ${job.attempts} 次）`, error);
      const reason = error instanceof Error ? error.message : String(error);
      const delay = RETRY_DELAYS_MS[job.attempts - 1];
      if (delay === undefined) await this.#giveUp(job, out, ref, reason, channel);
      else await this.jobs.retry(job.id, this.id, reason, new Date(now().getTime() + delay));
      return false;
    }
  }

  /**
   * Keeps the claim of `job` while it is in hand: renewed every third of the lease. `renew` renews
   * at once and says whether the job is still this worker's; once lost (another worker took it after
   * this one stalled past its lease), it stays lost and the job must not be handed over here.
   */
  #hold(job: ClaimedJob, channel: ServedChannel): { renew: () => Promise<boolean>; stop: () => void } {
    let lost = false;
    let stopped = false;
    const renew = async (): Promise<boolean> => {
      if (lost) return false;
      const until = new Date(channel.now().getTime() + this.#lease.ms);
      if (await this.jobs.renew(job.id, this.id, until)) return !lost;
      // A renewal still on its way when the job was finished here finds it done: nothing was lost.
      if (stopped) return false;
      lost = true;
      channel.log.info(`报告 ${job.reportId} 的起草任务已由另一个实例接手，本实例不再交付`);
      return false;
    };
    const timer = setInterval(() => {
      renew().catch((error: unknown) => channel.log.error("起草任务续期失败", error));
    }, this.#lease.renewMs);
    timer.unref();
    return {
      renew,
      stop: () => {
        stopped = true;
        clearInterval(timer);
      },
    };
  }

  async #giveUp(
    job: ClaimedJob,
    out: ChannelOutbound,
    ref: MessageRef | undefined,
    reason: string,
    channel: ServedChannel,
  ): Promise<void> {
    if (!(await this.jobs.fail(job.id, this.id, reason, channel.now()))) return;
    await replaceNotice(out, ref, { kind: "delivery-failed", message: DRAFT_GAVE_UP }).catch(
      (error: unknown) => channel.log.error("无法告知生成失败", error),
    );
  }
}
