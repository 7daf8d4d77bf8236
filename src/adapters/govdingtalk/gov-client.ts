import { randomInt } from "node:crypto";
import { z } from "zod";
import { fail, ok, type Result } from "../../core/result.ts";
import { type GatewayAnswer, type HttpOptions, sendRequest } from "./gateway-http.ts";
import { type Caller, gatewayTimestamp, signedHeaders } from "./hmac-signer.ts";
import { multipartBody } from "./multipart.ts";

/** Everything the client needs; clock and nonce come in so tests know the exact headers. */
export interface GovClientOptions extends HttpOptions {
  host: string;
  appKey: string;
  appSecret: string;
  tenantId: string;
  ip: string;
  mac: string;
  clock: () => Date;
  nonce?: () => string;
}

/** A robot message: its type and body as the robot API takes them (`msgType`, `msgBody` as JSON). */
export interface GovMessage {
  msgType: string;
  body: Record<string, unknown>;
}

/** The gateway's envelope: `success`, the API's `content`, and error codes beside them. */
const EnvelopeSchema = z.looseObject({
  success: z.boolean().optional(),
  content: z.unknown().optional(),
  Code: z.string().optional(),
  Message: z.string().optional(),
  bizErrorCode: z.string().optional(),
});
const ContentSchema = z.looseObject({
  success: z.boolean().optional(),
  data: z.unknown().optional(),
  responseCode: z.string().optional(),
  responseMessage: z.string().optional(),
});
const TokenSchema = z.object({ accessToken: z.string().min(1), expiresIn: z.coerce.number().positive() });
const MediaSchema = z.union([
  z.string().min(1),
  z.looseObject({ media_id: z.string().min(1) }).transform((m) => m.media_id),
  z.looseObject({ mediaId: z.string().min(1) }).transform((m) => m.mediaId),
]);

/** JSON answers are small; a file download has its own limit. */
const JSON_LIMIT = 2 * 1024 * 1024;
/** A token is renewed this long before it expires. */
const RENEW_MS = 5 * 60 * 1000;

/**
 * The signed REST client of a 政务钉钉 tenant: every call carries the HMAC headers
 * (hmac-signer.ts); the access token (for media) is fetched once and reused until five minutes
 * before it expires. Failures are values with Chinese messages that never hold the secret or a token.
 */
export class GovDingTalkClient {
  private token: { value: string; renewAt: number } | undefined;
  private readonly caller: Caller;
  private readonly nonce: () => string;

  constructor(private readonly options: GovClientOptions) {
    this.caller = { appKey: options.appKey, ip: options.ip, mac: options.mac };
    this.nonce =
      options.nonce ?? (() => `${options.clock().getTime()}${String(randomInt(10_000)).padStart(4, "0")}`);
  }

  /** GET /gettoken.json (appkey, appsecret), cached. */
  async accessToken(): Promise<Result<string>> {
    const now = this.options.clock().getTime();
    if (this.token !== undefined && now < this.token.renewAt) return ok(this.token.value);
    const answer = await this.call("GET", "/gettoken.json", {
      appkey: this.options.appKey,
      appsecret: this.options.appSecret,
    });
    if (!answer.ok) return answer;
    const token = TokenSchema.safeParse(answer.value);
    if (!token.success)
      return fail(
        "govdingtalk.bad_answer",
        "政务钉钉 /gettoken.json 的应答里没有 accessToken，请确认 GOV_DINGTALK_API_HOST 指向开放平台网关。",
      );
    this.token = { value: token.data.accessToken, renewAt: now + token.data.expiresIn * 1000 - RENEW_MS };
    return ok(token.data.accessToken);
  }

  /** POST /robot/message/sendoto: a robot message to one person (accountId) of the tenant. */
  sendToUser(accountId: string, message: GovMessage): Promise<Result<unknown>> {
    return this.call("POST", "/robot/message/sendoto", {
      appKey: this.options.appKey,
      tenantId: this.options.tenantId,
      accountId,
      msgType: message.msgType,
      msgBody: JSON.stringify(message.body),
    });
  }

  /** POST /robot/message/sendgroup: a robot message to a group chat the robot is in. */
  sendToGroup(chatId: string, message: GovMessage): Promise<Result<unknown>> {
    return this.call("POST", "/robot/message/sendgroup", {
      appKey: this.options.appKey,
      tenantId: this.options.tenantId,
      chatId,
      msgType: message.msgType,
      msgBody: JSON.stringify(message.body),
    });
  }

  /** POST /media/upload (multipart "media", type=file): the media id of the uploaded file. */
  async upload(name: string, bytes: Uint8Array): Promise<Result<string>> {
    const token = await this.accessToken();
    if (!token.ok) return token;
    const params = { access_token: token.value, type: "file" };
    const answer = await this.call("POST", "/media/upload", params, { name, bytes });
    if (!answer.ok) return answer;
    const media = MediaSchema.safeParse(answer.value);
    return media.success
      ? ok(media.data)
      : fail("govdingtalk.bad_answer", `上传 ${name} 后，政务钉钉没有返回文件的 media_id。`);
  }

  /** GET /media/download (access_token, media_id): the file's bytes, at most `limit`. */
  async download(mediaId: string, limit: number): Promise<Result<Uint8Array>> {
    const token = await this.accessToken();
    if (!token.ok) return token;
    const sent = await this.send(
      "GET",
      "/media/download",
      { access_token: token.value, media_id: mediaId },
      limit,
    );
    if (!sent.ok) return sent;
    if (sent.value.status >= 300 || sent.value.contentType.includes("json")) {
      const why = this.unwrap(sent.value, "/media/download");
      return why.ok ? fail("file.download_failed", "下载文件失败，请重新发送。") : why;
    }
    return ok(sent.value.body);
  }

  /** One signed call whose answer is the gateway's JSON envelope; returns its `content.data`. */
  async call(
    method: "GET" | "POST",
    path: string,
    params: Record<string, string>,
    file?: { name: string; bytes: Uint8Array },
  ): Promise<Result<unknown>> {
    const sent = await this.send(method, path, params, JSON_LIMIT, file);
    return sent.ok ? this.unwrap(sent.value, path) : sent;
  }

  private async send(
    method: "GET" | "POST",
    path: string,
    params: Record<string, string>,
    limit: number,
    file?: { name: string; bytes: Uint8Array },
  ): Promise<Result<GatewayAnswer>> {
    const input = {
      method,
      timestamp: gatewayTimestamp(this.options.clock()),
      nonce: this.nonce(),
      path,
      params,
    };
    const headers = signedHeaders(input, this.options.appSecret, this.caller);
    const query = new URLSearchParams(params).toString();
    const url = new URL(`${this.options.host}${path}`);
    let body: Buffer | undefined;
    if (file !== undefined) {
      const multipart = multipartBody(params, file);
      url.search = query;
      headers["Content-Type"] = multipart.contentType;
      body = multipart.body;
    } else if (method === "GET") url.search = query;
    else {
      headers["Content-Type"] = "application/x-www-form-urlencoded; charset=UTF-8";
      body = Buffer.from(query, "utf8");
    }
    return sendRequest(
      url,
      { method, headers, limit, ...(body === undefined ? {} : { body }) },
      this.options,
    );
  }

  private unwrap(answer: GatewayAnswer, path: string): Result<unknown> {
    let json: unknown;
    try {
      json = JSON.parse(answer.body.toString("utf8"));
    } catch {
      return fail(
        "govdingtalk.bad_answer",
        `政务钉钉接口 ${path} 返回的不是 JSON（HTTP ${answer.status}），请确认 GOV_DINGTALK_API_HOST。`,
      );
    }
    const envelope = EnvelopeSchema.safeParse(json);
    if (!envelope.success) return fail("govdingtalk.bad_answer", `政务钉钉接口 ${path} 的应答无法识别。`);
    const e = envelope.data;
    if (answer.status >= 300 || e.success === false)
      return this.refused(path, e.Code ?? e.bizErrorCode ?? `HTTP ${answer.status}`, e.Message);
    const content = ContentSchema.safeParse(parseMaybeJson(e.content));
    if (!content.success) return ok(parseMaybeJson(e.content));
    if (content.data.success === false)
      return this.refused(path, content.data.responseCode ?? "?", content.data.responseMessage);
    return ok(content.data.data === undefined ? content.data : parseMaybeJson(content.data.data));
  }

  private refused(path: string, code: string, message: string | undefined): Result<never> {
    const said = this.redact(message ?? "");
    return fail(
      "govdingtalk.refused",
      `政务钉钉拒绝了 ${path} 调用（${this.redact(code)}${said === "" ? "" : `：${said}`}）。请核对 GOV_DINGTALK_APP_KEY / GOV_DINGTALK_APP_SECRET / GOV_DINGTALK_TENANT_ID、应用已开通该接口权限、本机出口 IP 已加入白名单。`,
    );
  }

  /** The secret and the token never reach a message, even echoed by the gateway. */
  private redact(text: string): string {
    let out = text.split(this.options.appSecret).join("[已隐藏]");
    if (this.token !== undefined) out = out.split(this.token.value).join("[已隐藏]");
    return out;
  }
}

/** A string that holds JSON (the gateway nests some answers as text) is parsed; anything else stays. */
function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== "string" || !/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
