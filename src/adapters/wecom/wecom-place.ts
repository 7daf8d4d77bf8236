/**
 * Where a WeCom conversation lives. A 1:1 chat with the bot (or the self-built app) is one
 * conversation, where the officer switches reports; a group chat where the bot is @mentioned is one
 * report conversation, as a Slack thread is (WeCom groups have no threads).
 */
export interface WeComPlace {
  /** The bot id (AI bot) or the corp id (callback mode): what the user ids are unique within. */
  scope: string;
  /** The userid of a 1:1 chat, or the group's chatid. */
  chat: string;
  group: boolean;
}

/** The chat service's key: "wecom:<bot>:<userid>" for a 1:1 chat, "wecom:<bot>:group:<chatid>" for a group. */
export function weComConversationKey(place: WeComPlace): string {
  return place.group ? `wecom:${place.scope}:group:${place.chat}` : `wecom:${place.scope}:${place.chat}`;
}

/** The place a conversation key names (the inverse of `weComConversationKey`); null for another channel's key. */
export function weComPlaceOfKey(key: string): WeComPlace | null {
  const parts = key.split(":");
  if (parts[0] !== "wecom" || parts.some((p) => p === "")) return null;
  const [, scope, a, b] = parts;
  if (scope === undefined || a === undefined) return null;
  if (parts.length === 3) return { scope, chat: a, group: false };
  if (parts.length === 4 && a === "group" && b !== undefined) return { scope, chat: b, group: true };
  return null;
}

/** The store's user id of a WeCom user: "wecom:<bot>:<userid>", as `ziping units add` takes it. */
export function weComUserId(scope: string, userid: string): string {
  return `wecom:${scope}:${userid}`;
}
