import type { webApi } from "@slack/bolt";
import type { Ziping } from "../../services/ziping.ts";
import type { SlackTurns } from "./slack-turns.ts";

/**
 * What every listener shares: the one service (use cases), the clock, the turn runner over the
 * channel port, and the DM channel of each user, looked up once.
 */
export interface SlackContext {
  ziping: Ziping;
  clock: () => Date;
  turns: SlackTurns;
  /** The DM channel between ziping and a user ("T1:U1" → "D1"), cached after conversations.open. */
  dms: Map<string, string>;
}

/** The DM channel of a user, opened with conversations.open the first time (scope im:write). */
export async function dmChannel(
  ctx: SlackContext,
  client: webApi.WebClient,
  team: string,
  user: string,
): Promise<string> {
  const key = `${team}:${user}`;
  const known = ctx.dms.get(key);
  if (known !== undefined) return known;
  const opened = await client.conversations.open({ users: user });
  const id = opened.channel?.id;
  if (id === undefined) throw new Error("conversations.open returned no channel id");
  ctx.dms.set(key, id);
  return id;
}

/** Lets acknowledgements queued behind this event go out before its synchronous work runs. */
export function yieldToAcks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
