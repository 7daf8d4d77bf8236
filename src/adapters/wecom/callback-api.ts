import { z } from "zod";
import { fail, ok, type Result } from "../../core/result.ts";
import { readBodyWithin } from "../../services/file-intake.ts";
import { type Downloaded, dispositionName } from "./aibot-file.ts";

const ApiReply = z.object({ errcode: z.number().optional(), errmsg: z.string().optional() }).passthrough();
const TokenReply = z.object({
  errcode: z.number().optional(),
  access_token: z.string().min(1),
  expires_in: z.number(),
});
const UploadReply = z.object({ errcode: z.number().optional(), media_id: z.string().min(1) });

/** errcodes of an expired or invalid access token: fetched again once. */
const TOKEN_EXPIRED = new Set([40014, 42001]);

/** A failed API call: the endpoint and WeCom's errcode (never the token or secret). */
export class WeComApiError extends Error {
  constructor(
    readonly endpoint: string,
    readonly errcode: number | null,
    errmsg: string,
  ) {
    super(`企业微信接口 ${endpoint} 出错（errcode ${errcode ?? "无"}：${errmsg}）`);
  }
}

/**
 * The server API of a self-built app (https://qyapi.weixin.qq.com, or a private 政务微信 host):
 * gettoken with the corp id and the app's secret (cached until five minutes before it expires,
 * fetched again once on an expired-token errcode), message/send, media/upload (type file),
 * media/get. Errors throw WeComApiError; `token()` is the start-up check and returns a value.
 */
export class WeComApi {
  private cached: { token: string; until: number } | null = null;

  constructor(
    readonly base: string,
    private readonly corpId: string,
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** A valid access token, or why there is none (a refused secret, an unreachable host). */
  async token(): Promise<Result<string>> {
    if (this.cached !== null && this.now() < this.cached.until) return ok(this.cached.token);
    const url = `${this.base}/cgi-bin/gettoken?corpid=${encodeURIComponent(this.corpId)}&corpsecret=${encodeURIComponent(this.secret)}`;
    let json: unknown;
    try {
      json = await (await fetch(url)).json();
    } catch (error) {
      return fail(
        "wecom.unreachable",
        `无法访问企业微信接口 ${this.base}（${error instanceof Error ? error.message : String(error)}）`,
      );
    }
    const parsed = TokenReply.safeParse(json);
    if (!parsed.success || (parsed.data.errcode ?? 0) !== 0) {
      const reply = ApiReply.safeParse(json);
      const code = reply.success ? reply.data.errcode : undefined;
      return fail(
        "wecom.refused",
        `企业微信拒绝了获取令牌（errcode ${code ?? "无"}：${reply.success ? (reply.data.errmsg ?? "") : "答复无法识别"}）`,
      );
    }
    this.cached = {
      token: parsed.data.access_token,
      until: this.now() + (parsed.data.expires_in - 300) * 1000,
    };
    return ok(parsed.data.access_token);
  }

  private async call(endpoint: string, init: (token: string) => [string, RequestInit?]): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.token();
      if (!token.ok) throw new WeComApiError(endpoint, null, token.error.message);
      const [path, options] = init(token.value);
      const json: unknown = await (await fetch(`${this.base}${path}`, options)).json();
      const reply = ApiReply.parse(json);
      const code = reply.errcode ?? 0;
      if (code === 0) return json;
      if (TOKEN_EXPIRED.has(code) && attempt === 0) {
        this.cached = null;
        continue;
      }
      throw new WeComApiError(endpoint, code, reply.errmsg ?? "");
    }
  }

  /** message/send with the app's agent id added by the caller. */
  async send(body: Record<string, unknown>): Promise<void> {
    await this.call("message/send", (token) => [
      `/cgi-bin/message/send?access_token=${encodeURIComponent(token)}`,
      { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    ]);
  }

  /** media/upload?type=file (multipart field "media"); returns the media_id. */
  async upload(name: string, bytes: Uint8Array): Promise<string> {
    const json = await this.call("media/upload", (token) => {
      const form = new FormData();
      form.append("media", new Blob([Buffer.from(bytes)]), name);
      return [
        `/cgi-bin/media/upload?access_token=${encodeURIComponent(token)}&type=file`,
        { method: "POST", body: form },
      ];
    });
    return UploadReply.parse(json).media_id;
  }

  /** media/get: the bytes (at most `limit`) and the file name from Content-Disposition; a JSON answer is an error. */
  async media(mediaId: string, limit: number): Promise<Result<Downloaded>> {
    const token = await this.token();
    if (!token.ok) return token;
    let response: Response;
    try {
      response = await fetch(
        `${this.base}/cgi-bin/media/get?access_token=${encodeURIComponent(token.value)}&media_id=${encodeURIComponent(mediaId)}`,
      );
    } catch {
      return fail("file.download_failed", "下载文件时网络出错，请稍后重新发送文件。");
    }
    if (
      !response.ok ||
      response.body === null ||
      (response.headers.get("content-type") ?? "").includes("json")
    )
      return fail(
        "file.download_failed",
        "企业微信没有给出这个文件（可能已超过 3 天有效期），请重新发送文件。",
      );
    const bytes = await readBodyWithin(response.body, limit);
    if (!bytes.ok) return bytes;
    const name = dispositionName(response.headers.get("content-disposition"));
    return ok(name === undefined ? { bytes: bytes.value } : { bytes: bytes.value, name });
  }
}
