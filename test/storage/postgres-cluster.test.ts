import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/conversation/replies.ts";
import type { OutboundMessage } from "../../src/services/channel-port.ts";
import { Chat, SEEDS, script, testApp, testPostgresApp } from "../services/chat-harness.ts";
import { usePostgres } from "./pg-test-db.ts";

/**
 * The acceptance test of several instances on one PostgreSQL: three ziping processes, 50
 * conversations at once, every message delivered to two different instances (at the same time, or
 * again after it was answered, as platforms redeliver), and one instance killed by SIGKILL in the
 * middle of a turn (its events written, its transaction open, its conversation locked), or after
 * committing a turn but before replying (the redelivery then sends the recorded answer). Every
 * message is answered exactly once, and each conversation's report (as `ziping export` prints it)
 * and event log are what one instance on SQLite makes of the same script.
 */

const pg = usePostgres();
const CONVERSATIONS = 50;
const INSTANCES = 3;
/** The instance killed, and after how many answered deliveries it is told to freeze. */
const VICTIM = 2;
const FREEZE_AFTER = 150;

/** What an instance sent back for one delivery: the outbound messages of the turn runner. */
interface Answer {
  sent: OutboundMessage[];
  reportId: string | null;
}

/** One forked instance: deliveries in flight by number, resolved undefined when the process dies. */
class Instance {
  readonly #waiting = new Map<number, (a: Answer | undefined) => void>();
  alive = true;
  frozen: Promise<void>;
  #onFrozen: () => void = () => undefined;

  constructor(readonly child: ChildProcess) {
    this.frozen = new Promise((resolve) => {
      this.#onFrozen = resolve;
    });
    child.on("message", (m: { seq?: number; frozen?: boolean } & Answer) => {
      if (m.frozen === true) this.#onFrozen();
      if (m.seq === undefined) return;
      this.#waiting.get(m.seq)?.({ sent: m.sent, reportId: m.reportId });
      this.#waiting.delete(m.seq);
    });
    child.on("exit", () => {
      this.alive = false;
      for (const resolve of this.#waiting.values()) resolve(undefined);
      this.#waiting.clear();
    });
  }

  get inFlight(): number {
    return this.#waiting.size;
  }

  deliver(seq: number, event: { conversation: string; user: string; id: string; text: string }) {
    return new Promise<Answer | undefined>((resolve) => {
      this.#waiting.set(seq, resolve);
      this.child.send({ seq, ...event });
    });
  }
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

async function startInstance(url: string, instance: number): Promise<Instance> {
  const child = fork(join(import.meta.dirname, "pg-instance-child.ts"), {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.push(child);
  const ready = new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) =>
      reject(new Error(`instance ${instance} exited ${code} before it was ready`)),
    );
  });
  child.send({ url, instance });
  await ready;
  return new Instance(child);
}

/** The replies an officer saw for one delivery (a duplicate shows nothing). */
const repliesOf = (a: Answer): Reply[][] =>
  a.sent.flatMap((m) => (m.kind === "replies" ? [[...m.replies]] : []));

describe.skipIf(pg.missing !== undefined)("three instances (processes) on one PostgreSQL", () => {
  it.each([
    { when: "inside a turn (events written, transaction open)", signal: "freeze" },
    { when: "after committing a turn, before sending its replies", signal: "freeze-after-commit" },
  ])(
    "50 conversations, messages redelivered to other instances, one instance killed $when: each message answered once, each report as on one SQLite instance",
    async ({ signal }) => {
      const scripts = SEEDS.map((s) => s.script);
      // The single-instance reference: each script once on SQLite.
      const reference = new Map<string, { doc: unknown; events: unknown[]; replies: Reply[][] }>();
      for (const name of scripts) {
        const chat = new Chat(testApp());
        const replies: Reply[][] = [];
        for (const [i, text] of script(name).entries())
          replies.push((await chat.send(text, `m${i}`)).replies);
        const events = await chat.app.store.listEvents(await chat.reportId());
        reference.set(name, {
          doc: await chat.doc(),
          events: events.map((e) => [e.seq, e.kind, e.summary, e.messageId]),
          replies,
        });
        chat.app.close();
      }

      const url = await pg.freshUrl();
      const instances: Instance[] = [];
      // A redelivery waits ANSWER_WAIT_MS (10 s) for the first delivery's answer before sending it itself.
      for (let k = 0; k < INSTANCES; k++) instances.push(await startInstance(url, k));

      let seq = 0;
      let answered = 0;
      let freezeAt: Promise<void> | undefined;
      const victim = instances[VICTIM];
      if (victim === undefined) throw new Error("no victim");
      /**
       * While the victim is being frozen it gets one delivery at a time (`ticket`), so the turn cut
       * off is the only one it has in flight; the others go to the next instance.
       */
      let draining = false;
      let ticket = false;
      /**
       * The platform: delivers to instance `k`, or, when it is dead or draining, to the next one
       * alive; a delivery that gets no answer (the process died) is delivered again to another.
       */
      const deliver = async (
        k: number,
        event: { conversation: string; user: string; id: string; text: string },
      ) => {
        for (let tries = 0; tries < INSTANCES * 2; tries++) {
          let target: Instance | undefined = [0, 1, 2]
            .map((d) => instances[(k + d) % INSTANCES])
            .find((x) => x?.alive === true && !(draining && x === victim));
          if (draining && ticket && victim.alive && victim.inFlight === 0) {
            ticket = false;
            target = victim;
          }
          if (target === undefined) throw new Error("no instance alive");
          const answer = await target.deliver(++seq, event);
          if (target === victim && draining) ticket = true;
          if (answer !== undefined) {
            answered += 1;
            if (answered === FREEZE_AFTER) freezeAt = freeze();
            return answer;
          }
        }
        throw new Error(`message ${event.id} was never answered`);
      };
      /** Drains the victim, arms the freeze, lets single deliveries through until one is cut off, kills it. */
      const freeze = async () => {
        draining = true;
        while (victim.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
        victim.child.send(signal);
        ticket = true;
        await victim.frozen;
        expect(victim.inFlight).toBe(1);
        victim.child.kill("SIGKILL");
      };

      const received = new Map<string, Answer[]>();
      const conversation = async (c: number) => {
        const name = scripts[c % scripts.length] ?? "";
        const a = c % INSTANCES;
        const b = (c + 1) % INSTANCES;
        for (const [i, text] of script(name).entries()) {
          const event = { conversation: `test:${c}`, user: `u${c}`, id: `c${c}:m${i}`, text };
          // Even messages reach two instances at once; odd ones again after they were answered.
          const answers =
            i % 2 === 0
              ? await Promise.all([deliver(a, event), deliver(b, event)])
              : [await deliver(a, event), await deliver(b, event)];
          received.set(event.id, answers);
        }
        return name;
      };
      const names = await Promise.all(Array.from({ length: CONVERSATIONS }, (_x, c) => conversation(c)));
      await freezeAt;
      expect(victim.alive).toBe(false);

      // Every message answered exactly once, with what one instance answers; the other delivery is silent.
      for (const [c, name] of names.entries()) {
        const ref = reference.get(name);
        for (const [i, expected] of (ref?.replies ?? []).entries()) {
          const answers = received.get(`c${c}:m${i}`) ?? [];
          const shown = answers.flatMap(repliesOf).filter((r) => r.length > 0);
          expect(shown, `conversation ${c} message ${i}`).toEqual(expected.length > 0 ? [expected] : []);
          expect(answers.filter((x) => x.sent.some((m) => m.kind === "duplicate"))).toHaveLength(1);
        }
      }

      // Each report as `ziping export` prints it, and its event log, equal the single-instance run's.
      const reader = await testPostgresApp(url);
      try {
        for (const [c, name] of names.entries()) {
          const reportId = (await reader.store.getConversation(`test:${c}`))?.reportId;
          if (reportId === undefined || reportId === null) throw new Error(`conversation ${c} has no report`);
          const ref = reference.get(name);
          expect(JSON.stringify((await reader.store.getReport(reportId))?.doc, null, 2)).toBe(
            JSON.stringify(ref?.doc, null, 2),
          );
          const events = await reader.store.listEvents(reportId);
          expect(events.map((e) => [e.seq, e.kind, e.summary, e.messageId?.replace(`c${c}:`, "")])).toEqual(
            ref?.events,
          );
        }
        expect(await reader.store.listReports()).toHaveLength(CONVERSATIONS);
      } finally {
        reader.close();
        await reader.closed();
      }
      for (const instance of instances) instance.child.kill("SIGKILL");
    },
    600_000,
  );
});
