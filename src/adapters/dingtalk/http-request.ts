import http, { type IncomingMessage } from "node:http";
import https from "node:https";

/** What a request answered: its status, content type and body (cut at the limit asked for). */
export interface HttpAnswer {
  status: number;
  contentType: string;
  body: Buffer;
  /** True when the body went past the limit and was not read to the end. */
  tooLarge: boolean;
}

/** One HTTP request. */
export interface HttpCall {
  method: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Bytes of the answer kept at most (1 MB by default). */
  limit?: number;
  /** Deadline in ms (30 s by default). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * One HTTP(S) request on node:http, the body read up to `limit` bytes (the rest is not downloaded).
 * Rejects on a network error or the deadline; an HTTP error status is an answer, not an exception.
 * (node:http rather than fetch: the DingTalk hosts are configurable and tests intercept both.)
 */
export function httpCall(call: HttpCall): Promise<HttpAnswer> {
  const url = new URL(call.url);
  // Looked up at each call (not bound at import), so an interceptor installed later sees it.
  const send = url.protocol === "https:" ? https.request : http.request;
  const limit = call.limit ?? 1024 * 1024;
  const body = call.body === undefined ? undefined : Buffer.from(call.body);
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: call.method,
        headers: {
          ...call.headers,
          ...(body === undefined ? {} : { "Content-Length": String(body.length) }),
        },
        timeout: call.timeoutMs ?? 30_000,
        ...(call.signal === undefined ? {} : { signal: call.signal }),
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let total = 0;
        let tooLarge = false;
        const done = () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers["content-type"] ?? ""),
            body: Buffer.concat(chunks),
            tooLarge,
          });
        res.on("data", (chunk: Buffer) => {
          total += chunk.length;
          if (total > limit) {
            tooLarge = true;
            res.destroy();
            done();
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", done);
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`请求超时：${url.host}`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** The answer's body as JSON, or null when it is not JSON. */
export function jsonOf(answer: HttpAnswer): unknown {
  try {
    return JSON.parse(answer.body.toString("utf8"));
  } catch {
    return null;
  }
}
