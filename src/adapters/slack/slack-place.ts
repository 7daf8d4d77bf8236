/**
 * Where a Slack conversation lives. A DM with ziping is one conversation (the officer switches
 * reports in it); in a channel, each thread started by an @mention is one conversation, one report.
 */
export interface SlackPlace {
  team: string;
  channel: string;
  /** True for the DM with ziping (channel ids starting with D). */
  dm: boolean;
  /** The thread replies go to: the thread of a channel conversation, or a thread the officer opened in the DM. */
  threadTs?: string;
}

/** The chat service's conversation key: "slack:T1:D123" for a DM, "slack:T1:C9:1700000000.000100" for a thread. */
export function conversationKey(place: SlackPlace): string {
  return place.dm || place.threadTs === undefined
    ? `slack:${place.team}:${place.channel}`
    : `slack:${place.team}:${place.channel}:${place.threadTs}`;
}

/** The place a conversation key names (the inverse of `conversationKey`); null for another channel's key. */
export function placeOfKey(key: string): SlackPlace | null {
  const [channelName, team, channel, threadTs, ...rest] = key.split(":");
  if (channelName !== "slack" || team === undefined || channel === undefined || rest.length > 0) return null;
  if (team === "" || channel === "") return null;
  const dm = isDmChannel(channel);
  return threadTs === undefined || threadTs === "" ? { team, channel, dm } : { team, channel, dm, threadTs };
}

/** The store's user id of a Slack user: "slack:T0123:U0456", as `ziping units add` takes it. */
export function slackUserId(team: string, user: string): string {
  return `slack:${team}:${user}`;
}

/** The chat service's message id of a Slack message: unique per channel and timestamp. */
export function slackMessageId(team: string, channel: string, ts: string): string {
  return `slack:${team}:${channel}:${ts}`;
}

/** Whether a channel id is a DM (D…). */
export function isDmChannel(channel: string): boolean {
  return channel.startsWith("D");
}
