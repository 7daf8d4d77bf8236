import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The signature of a robot callback, as DingTalk signs the messages it posts to a robot's HTTP
 * address: header `timestamp` (milliseconds) and header `sign` = Base64(HmacSHA256(secret,
 * timestamp + "\n" + secret)); a timestamp more than an hour from now is refused. 政务钉钉 is
 * assumed to sign the same way with the robot's token (unverified: README “在政务钉钉中使用”).
 */

/** How far a callback's timestamp may be from this machine's clock. */
export const CALLBACK_WINDOW_MS = 60 * 60 * 1000;

/** The `sign` header for `timestamp`. */
export function callbackSign(timestamp: string, secret: string): string {
  return createHmac("sha256", secret).update(`${timestamp}\n${secret}`, "utf8").digest("base64");
}

/** Why a callback is refused (for the log line), or null when its signature and time are right. */
export function callbackRefusal(
  timestamp: string | undefined,
  sign: string | undefined,
  secret: string,
  now: Date,
): string | null {
  if (timestamp === undefined || sign === undefined) return "缺少 timestamp 或 sign 请求头";
  if (!/^\d{10,16}$/.test(timestamp)) return "timestamp 不是毫秒时间戳";
  if (Math.abs(now.getTime() - Number(timestamp)) > CALLBACK_WINDOW_MS)
    return "timestamp 与本机时间相差超过 1 小时";
  const expected = Buffer.from(callbackSign(timestamp, secret));
  const given = Buffer.from(sign);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "签名不符";
  return null;
}
