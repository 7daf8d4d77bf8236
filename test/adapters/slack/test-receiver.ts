import type { App as BoltApp, Receiver, ReceiverEvent } from "@slack/bolt";

/** What the receiver saw of one delivery: the ack's response body and when it was acknowledged. */
export interface Delivered {
  /** undefined until acknowledged; then what ack() was called with (undefined for a bare ack()). */
  ack: { body: unknown } | undefined;
  /** performance.now() at delivery and at ack, for the bench. */
  sentAt: number;
  ackedAt: number | undefined;
}

/**
 * A receiver for tests and the bench: delivers a payload to the real Bolt app in-process, as the
 * Socket Mode and HTTP receivers do (processEvent with an ack function), without a socket.
 */
export class TestReceiver implements Receiver {
  private app: BoltApp | undefined;

  init(app: BoltApp): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** Delivers `body` (an events_api envelope, a slash command, an interaction) and waits for every listener. */
  async send(body: Record<string, unknown>, retryNum?: number): Promise<Delivered> {
    if (this.app === undefined) throw new Error("TestReceiver: the app is not initialised");
    const delivered: Delivered = { ack: undefined, sentAt: performance.now(), ackedAt: undefined };
    const event: ReceiverEvent = {
      body,
      ...(retryNum === undefined ? {} : { retryNum, retryReason: "timeout" }),
      ack: async (response?: unknown) => {
        if (delivered.ack !== undefined) throw new Error("ack called twice");
        delivered.ack = { body: response };
        delivered.ackedAt = performance.now();
      },
    };
    await this.app.processEvent(event);
    return delivered;
  }
}
