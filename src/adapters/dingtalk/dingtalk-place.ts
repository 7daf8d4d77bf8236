/**
 * Where a DingTalk conversation lives. A 1:1 chat with the robot is one conversation (the officer
 * switches reports in it); a group is one report conversation, as a Slack thread is: whoever
 * @mentions the robot there works on the group's report, under the service's unit rule.
 */
export type DingTalkPlace =
  | { kind: "user"; corpId: string; staffId: string }
  | { kind: "group"; corpId: string; conversationId: string };

/** "dingtalk:<corpId>:<staffId>" for a 1:1 chat, "dingtalk:<corpId>:group:<conversationId>" for a group. */
export function dingtalkConversationKey(place: DingTalkPlace): string {
  return place.kind === "user"
    ? `dingtalk:${place.corpId}:${place.staffId}`
    : `dingtalk:${place.corpId}:group:${place.conversationId}`;
}

/** The place a conversation key names (the inverse of `dingtalkConversationKey`); null for another channel's key. */
export function dingtalkPlaceOfKey(key: string): DingTalkPlace | null {
  const [channel, corpId, second, ...rest] = key.split(":");
  if (channel !== "dingtalk" || corpId === undefined || corpId === "" || second === undefined) return null;
  if (second === "group") {
    const conversationId = rest.join(":");
    return conversationId === "" ? null : { kind: "group", corpId, conversationId };
  }
  return rest.length > 0 || second === "" ? null : { kind: "user", corpId, staffId: second };
}

/** The store's user id of a DingTalk user: "dingtalk:<corpId>:<staffId>", as `ziping units add` takes it. */
export function dingtalkUserId(corpId: string, staffId: string): string {
  return `dingtalk:${corpId}:${staffId}`;
}
