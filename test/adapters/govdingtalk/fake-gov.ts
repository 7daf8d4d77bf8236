import nock from "nock";

/** The configured open-platform host of the tests (a private deployment's address). */
export const GOV_HOST = "https://openplatform.gov.test";

/** One signed call as the gateway received it: method, path, the signed headers, the parameters. */
export interface GovCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Query (GET) or form (POST) parameters; for an upload, the text parts of the multipart body. */
  params: Record<string, string>;
  /** The uploaded file of a /media/upload call. */
  file?: { name: string; bytes: Buffer };
}

const SIGNED = [
  "apikey",
  "x-hmac-auth-timestamp",
  "x-hmac-auth-version",
  "x-hmac-auth-nonce",
  "x-hmac-auth-signature",
  "x-hmac-auth-ip",
  "x-hmac-auth-mac",
  "content-type",
];

/**
 * The 政务钉钉 gateway behind nock: records every call in order and answers in the gateway's
 * envelope ({success, content: {success, data}}): a token, a message id, a media id, or the bytes
 * of a file the officer sent (`files`, by media id). `refuse(path)` makes the next call of a path fail.
 */
export class FakeGov {
  readonly calls: GovCall[] = [];
  /** Files an officer sent, by media id, served by /media/download. */
  readonly files = new Map<string, Buffer>();
  private readonly refused = new Set<string>();
  private mediaN = 0;
  private msgN = 0;

  /** The paths called, in order ("POST /robot/message/sendoto"). */
  paths(): string[] {
    return this.calls.map((c) => `${c.method} ${c.path}`);
  }

  /** The parsed msgBody of each robot message sent, in order. */
  messages(): { msgType: string; body: Record<string, unknown> }[] {
    return this.calls
      .filter((c) => c.path.startsWith("/robot/message/"))
      .map((c) => ({ msgType: c.params.msgType ?? "", body: JSON.parse(c.params.msgBody ?? "{}") }));
  }

  /** The markdown texts sent, in order. */
  texts(): string[] {
    return this.messages()
      .filter((m) => m.msgType === "markdown")
      .map((m) => String(m.body.text));
  }

  clear(): void {
    this.calls.length = 0;
  }

  /** The next call of `path` is refused by the gateway (success false, code and message). */
  refuse(path: string): void {
    this.refused.add(path);
  }

  install(): void {
    nock(GOV_HOST)
      .persist()
      .get(/.*/)
      .reply(async (request: Request) => this.answer(request))
      .post(/.*/)
      .reply(async (request: Request) => this.answer(request));
  }

  private async answer(request: Request): Promise<[number, unknown, Record<string, string>?]> {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    for (const name of SIGNED) {
      const value = request.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    const call: GovCall = { method: request.method, path: url.pathname, headers, params: {} };
    const type = request.headers.get("content-type") ?? "";
    if (request.method === "GET") call.params = Object.fromEntries(url.searchParams);
    else if (type.startsWith("multipart/form-data")) {
      const form = await request.formData();
      for (const [name, value] of form.entries())
        if (typeof value === "string") call.params[name] = value;
        else call.file = { name: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
    } else call.params = Object.fromEntries(new URLSearchParams(await request.text()));
    this.calls.push(call);
    if (this.refused.delete(call.path))
      return [200, { success: false, Code: "InvalidApiKey", Message: "apiKey 无效或签名不符" }];
    switch (call.path) {
      case "/gettoken.json":
        return [200, ok({ accessToken: "gov-token-1", expiresIn: 7200 })];
      case "/robot/message/sendoto":
      case "/robot/message/sendgroup":
        return [200, ok(`msg-${++this.msgN}`)];
      case "/media/upload":
        return [200, ok({ media_id: `@media-${++this.mediaN}` })];
      case "/media/download": {
        const bytes = this.files.get(call.params.media_id ?? "");
        return bytes === undefined
          ? [200, { success: false, Code: "MediaNotFound", Message: "文件不存在" }]
          : [200, bytes, { "Content-Type": "application/octet-stream" }];
      }
      default:
        return [404, { success: false, Code: "NotFound", Message: "no such api" }];
    }
  }
}

function ok(data: unknown): Record<string, unknown> {
  return { success: true, content: { success: true, data, responseCode: "0" } };
}
