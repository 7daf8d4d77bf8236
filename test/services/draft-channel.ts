import { ok, type Result } from "../../src/core/result.ts";
import type { ChannelOutbound, OutboundMessage } from "../../src/services/channel-port.ts";
import type { DraftFile } from "../../src/services/draft-files.ts";

/** The draft of fixtures/conversations/real-43-anhui-project.txt, which ends with 生成报告. */
export const ANHUI = "张庄寨镇人民政府河西村特色种养补贴到户2023年度绩效自评报告";
/** A channel log that keeps nothing. */
export const quiet = { info: () => {}, error: () => {} };

/**
 * A channel that records what it is asked (`send drafting`, `upload docx:<name> markdown:<name>`,
 * `update m1 delivered:<score>:<where>`); `updates`: whether it can update a sent message; its
 * upload does what `upload` says after recording.
 */
export function recordingChannel(updates = true, upload: () => Promise<void> = async () => undefined) {
  const calls: string[] = [];
  let n = 0;
  const describe = (m: OutboundMessage): string =>
    m.kind === "replies"
      ? `replies:${m.replies.map((r) => r.type).join(",")}`
      : m.kind === "delivered"
        ? `delivered:${m.summary.score}:${m.files.join(",")}`
        : m.kind === "delivery-failed"
          ? `failed:${m.message.split("\n")[0]}`
          : m.kind;
  const out: ChannelOutbound = {
    capabilities: { buttons: false, messageUpdates: updates, tables: false, files: true },
    async send(m) {
      calls.push(`send ${describe(m)}`);
      return `m${++n}`;
    },
    async update(ref, m) {
      calls.push(`update ${ref} ${describe(m)}`);
    },
    async upload(files: readonly DraftFile[]): Promise<Result<string[]>> {
      calls.push(`upload ${files.map((f) => `${f.kind}:${f.name}`).join(" ")}`);
      await upload();
      return ok(files.map((f) => `here/${f.kind}`));
    },
  };
  return { out, calls };
}

/** A clock the test moves: `at("08:00:30.000")` reads 2026-12-03 at that UTC time. */
export function movableClock() {
  let now = new Date("2026-12-03T08:00:00.000Z");
  return {
    now: () => now,
    set: (time: string) => {
      now = new Date(`2026-12-03T${time}Z`);
    },
  };
}
