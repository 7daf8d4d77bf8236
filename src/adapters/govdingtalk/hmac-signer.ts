import { createHmac } from "node:crypto";

/**
 * The request signature of the 政务钉钉 open platform (专有钉钉 / 浙政钉 "epaas" gateway), as its
 * Java SDK zwdd-sdk-java 1.2.0 computes it (com.alibaba.xxpt.gateway.shared.client.sign.Signature):
 * HmacSHA256 with the app secret over
 *   METHOD \n timestamp \n nonce \n path [\n params]
 * where params are `name=value` pairs (raw, not URL-encoded; empty names or values left out),
 * names in case-insensitive order, repeated names' values sorted, joined by `&`; the line is left
 * out when there are none. The result is Base64.
 */

/** One request's parameters: a name with one value or several. */
export type SignParams = Readonly<Record<string, string | readonly string[]>>;

/** What is signed: method, the X-Hmac-Auth-Timestamp and -Nonce headers, the path, the parameters. */
export interface SignInput {
  method: "GET" | "POST";
  timestamp: string;
  nonce: string;
  /** The URL's path without host or query ("/gettoken.json"). */
  path: string;
  params: SignParams;
}

/** The parameter line: `a=1&B=2&c=x&c=y` (see the file's comment). Empty when nothing is left. */
export function canonicalParams(params: SignParams): string {
  const names = Object.keys(params)
    .filter((name) => name !== "")
    .sort((a, b) => compareIgnoringCase(a, b));
  const pairs: string[] = [];
  for (const name of names) {
    const value = params[name];
    const values = (typeof value === "string" ? [value] : [...(value ?? [])]).filter((v) => v !== "");
    for (const v of values.sort()) pairs.push(`${name}=${v}`);
  }
  return pairs.join("&");
}

/** The exact string that is signed. */
export function canonicalString(input: SignInput): string {
  const lines = [input.method, input.timestamp, input.nonce, input.path];
  const params = canonicalParams(input.params);
  if (params !== "") lines.push(params);
  return lines.join("\n");
}

/** Base64 of HmacSHA256(secret, canonical string). */
export function signRequest(input: SignInput, secret: string): string {
  return createHmac("sha256", secret).update(canonicalString(input), "utf8").digest("base64");
}

/** Who calls: the app key, and the host's address as the gateway records it. */
export interface Caller {
  appKey: string;
  ip: string;
  mac: string;
}

/** The headers of a signed call, named as the SDK names them. */
export function signedHeaders(input: SignInput, secret: string, caller: Caller): Record<string, string> {
  return {
    apiKey: caller.appKey,
    "X-Hmac-Auth-Timestamp": input.timestamp,
    "X-Hmac-Auth-Version": "1.0",
    "X-Hmac-Auth-Nonce": input.nonce,
    "X-Hmac-Auth-Signature": signRequest(input, secret),
    "X-Hmac-Auth-IP": caller.ip,
    "X-Hmac-Auth-MAC": caller.mac,
  };
}

/**
 * The timestamp header as the SDK writes it (Joda ISODateTimeFormat.dateTime in China's zone):
 * "2026-12-04T05:30:00.000+08:00".
 */
export function gatewayTimestamp(now: Date): string {
  const china = new Date(now.getTime() + 8 * 60 * 60 * 1000);
  return `${china.toISOString().slice(0, 23)}+08:00`;
}

/** Java's String.CASE_INSENSITIVE_ORDER: character by character, upper- then lower-cased. */
function compareIgnoringCase(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? "";
    const y = b[i] ?? "";
    if (x === y) continue;
    const xl = x.toUpperCase().toLowerCase();
    const yl = y.toUpperCase().toLowerCase();
    if (xl !== yl) return xl.charCodeAt(0) - yl.charCodeAt(0);
  }
  return a.length - b.length;
}
