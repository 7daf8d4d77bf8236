/**
 * Where a 政务钉钉 conversation lives: the 1:1 chat of one person with the robot, or a group chat
 * the robot is in (one conversation per group; 政务钉钉 has no threads). Keys carry the tenant so
 * two tenants served by one ziping never share a conversation.
 */
export type GovPlace =
  | { tenant: string; kind: "user"; accountId: string }
  | { tenant: string; kind: "group"; chatId: string };

const PREFIX = "govdingtalk";

/** The conversation key: "govdingtalk:196729:u:10001" (1:1) or "govdingtalk:196729:g:<chat id>". */
export function govConversationKey(place: GovPlace): string {
  return place.kind === "user"
    ? `${PREFIX}:${place.tenant}:u:${place.accountId}`
    : `${PREFIX}:${place.tenant}:g:${place.chatId}`;
}

/** The place a key names (the inverse of `govConversationKey`); null for another channel's key. */
export function govPlaceOfKey(key: string): GovPlace | null {
  const [prefix, tenant, kind, ...rest] = key.split(":");
  const id = rest.join(":");
  if (prefix !== PREFIX || tenant === undefined || tenant === "" || id === "") return null;
  if (kind === "u") return { tenant, kind: "user", accountId: id };
  if (kind === "g") return { tenant, kind: "group", chatId: id };
  return null;
}

/** The store's user id of a person: "govdingtalk:196729:10001", as `ziping units add` takes it. */
export function govUserId(tenant: string, accountId: string): string {
  return `${PREFIX}:${tenant}:${accountId}`;
}

/** The chat service's message id of a robot message: unique per tenant. */
export function govMessageId(tenant: string, msgId: string): string {
  return `${PREFIX}:${tenant}:${msgId}`;
}

/** The prefix of every key of a tenant, for resuming its deliveries. */
export function govKeyPrefix(tenant: string): string {
  return `${PREFIX}:${tenant}:`;
}
