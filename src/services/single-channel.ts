import type { Config } from "../config.ts";
import type { ChannelPlan, RunningChannel } from "./channel-port.ts";
import type { Ziping } from "./ziping.ts";

/** How long a held connection's lease lasts without renewal: another instance takes over after it. */
export const SINGLE_LEASE_MS = 15_000;
/** How often the holder renews (and a standby instance tries to take over). */
export const SINGLE_RENEW_MS = 5000;

/** Where the holder says what changed (started, lost, standing by). */
export interface SingleLog {
  info(line: string): void;
  error(line: string): void;
}

/**
 * A channel only one instance may run (a WeCom bot allows one connection): it is started only while
 * this instance holds the plan's lease (`leaseKey`, one per connection: "wecom:<bot id>"; else
 * `channel:<name>`), renewed every few seconds by `step`. An instance
 * that cannot take the lease stands by and tries again at each step; when the holder dies its lease
 * runs out within {@link SINGLE_LEASE_MS} and a standby takes over. A holder that finds its lease
 * taken (it was stalled too long) stops its connection.
 */
export class SingleChannel {
  readonly #lease: string;
  #running: RunningChannel | undefined;
  #ended: (reason: string) => void = () => undefined;
  /** Resolves when the platform ends a connection this instance started (see RunningChannel.ended). */
  readonly ended: Promise<string>;

  constructor(
    private readonly plan: ChannelPlan,
    private readonly ziping: Ziping,
    private readonly config: Config,
    private readonly holder: string,
    private readonly now: () => Date,
    private readonly log: SingleLog,
  ) {
    this.#lease = plan.leaseKey ?? `channel:${plan.name}`;
    this.ended = new Promise<string>((resolve) => {
      this.#ended = resolve;
    });
  }

  /** The channel's name ("企业微信"). */
  get name(): string {
    return this.plan.name;
  }

  /** The lease this channel is held by. */
  get lease(): string {
    return this.#lease;
  }

  /** The connection, while this instance holds the lease and has started it. */
  get running(): RunningChannel | undefined {
    return this.#running;
  }

  /**
   * One cycle: the holder renews (a lost lease stops the connection); a standby tries to take the
   * lease and starts the channel when it does. A start the platform refuses is returned (and the
   * lease given back).
   */
  async step(): Promise<{ ok: true } | { ok: false; message: string }> {
    const leases = this.ziping.leases;
    if (this.#running !== undefined) {
      if (await leases.renew(this.#lease, this.holder, this.now(), SINGLE_LEASE_MS)) return { ok: true };
      this.log.error(`${this.plan.name}的连接已由另一个实例接管，本实例停止连接并待命。`);
      await this.#stopRunning();
      return { ok: true };
    }
    if (!(await leases.acquire(this.#lease, this.holder, this.now(), SINGLE_LEASE_MS))) return { ok: true };
    const started = await this.plan.start(this.ziping, this.config);
    if (!started.ok) {
      await leases.release(this.#lease, this.holder);
      return started;
    }
    this.#running = started.channel;
    void started.channel.ended?.then((reason) => this.#ended(reason));
    return { ok: true };
  }

  /** Stops the connection (if running) and gives the lease up. */
  async stop(): Promise<void> {
    await this.#stopRunning();
    await this.ziping.leases.release(this.#lease, this.holder);
  }

  async #stopRunning(): Promise<void> {
    const running = this.#running;
    this.#running = undefined;
    await running?.stop();
  }
}
