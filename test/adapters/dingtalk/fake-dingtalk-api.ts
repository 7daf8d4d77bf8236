import nock from "nock";

export const API = "https://api.dingtalk.com";
export const OAPI = "https://oapi.dingtalk.com";
export const DOWNLOADS = "https://down.dingtalk.test";
export const TOKEN = "tok-0123456789abcdef";

/** One HTTP call DingTalk received: method, host, path with query, JSON body (or the upload's form). */
export interface DingTalkCall {
  method: string;
  host: string;
  path: string;
  body: unknown;
  /** x-acs-dingtalk-access-token, when sent. */
  token?: string;
  /** performance.now() when it arrived (for the bench). */
  at: number;
}

/**
 * DingTalk's HTTP APIs behind nock: the access token, robot messages (1:1 and group), the
 * download of received files, media/upload, and the sessionWebhooks (oapi /robot/sendBySession).
 * Every call is recorded in order. A session listed in `refusedSessions` answers errcode 300001
 * (expired), as DingTalk does for a session that is gone.
 */
export class FakeDingTalkApi {
  readonly calls: DingTalkCall[] = [];
  /** Files served at their download code. */
  readonly files = new Map<string, Buffer>();
  /** Uploaded files by media id: name and bytes. */
  readonly uploads = new Map<string, { name: string; type: string; bytes: Buffer }>();
  readonly refusedSessions = new Set<string>();
  /** How many tokens were handed out. */
  tokens = 0;
  /** media/upload answers (and records) only once this settles: a test holds uploads back with it. */
  uploadsWait: Promise<void> = Promise.resolve();
  private media = 0;
  private sent = 0;

  /** The calls, as "METHOD host path" lines. */
  lines(): string[] {
    return this.calls.map(
      (c) => `${c.method} ${c.host}${c.path.replace(/access_token=[^&]+/, "access_token=…")}`,
    );
  }

  /** The markdown texts sent (by webhook or OpenAPI), in order. */
  texts(): string[] {
    return this.calls.flatMap((c) => {
      const b = c.body as { markdown?: { text: string }; msgKey?: string; msgParam?: string };
      if (b?.markdown !== undefined) return [b.markdown.text];
      if (b?.msgKey === "sampleMarkdown") return [(JSON.parse(b.msgParam ?? "{}") as { text: string }).text];
      return [];
    });
  }

  clear(): void {
    this.calls.length = 0;
  }

  install(): void {
    const record = async (request: Request, body: unknown) => {
      const url = new URL(request.url);
      const token = request.headers.get("x-acs-dingtalk-access-token");
      this.calls.push({
        method: request.method,
        host: url.host,
        path: `${url.pathname}${url.search}`,
        body,
        ...(token === null ? {} : { token }),
        at: performance.now(),
      });
    };
    nock(API)
      .persist()
      .post(/^\/v1\.0\/.+$/)
      .reply(async (request: Request) => {
        const body = (await request.json()) as Record<string, unknown>;
        await record(request, body);
        const path = new URL(request.url).pathname;
        if (path === "/v1.0/oauth2/accessToken") {
          this.tokens += 1;
          return [200, { accessToken: TOKEN, expireIn: 7200 }];
        }
        if (request.headers.get("x-acs-dingtalk-access-token") !== TOKEN)
          return [401, { code: "InvalidAuthentication", message: "token invalid" }];
        if (path === "/v1.0/robot/messageFiles/download")
          return [200, { downloadUrl: `${DOWNLOADS}/dl/${encodeURIComponent(String(body.downloadCode))}` }];
        if (path === "/v1.0/robot/oToMessages/batchSend")
          return [
            200,
            { processQueryKey: `q${++this.sent}`, invalidStaffIdList: [], flowControlledStaffIdList: [] },
          ];
        if (path === "/v1.0/robot/groupMessages/send") return [200, { processQueryKey: `q${++this.sent}` }];
        return [404, { code: "NotFound" }];
      });
    nock(OAPI)
      .persist()
      .post("/robot/sendBySession")
      .query(true)
      .reply(async (request: Request) => {
        await record(request, await request.json());
        const session = new URL(request.url).searchParams.get("session") ?? "";
        return this.refusedSessions.has(session)
          ? [200, { errcode: 300001, errmsg: "session已过期" }]
          : [200, { errcode: 0, errmsg: "ok" }];
      });
    nock(OAPI)
      .persist()
      .post("/media/upload")
      .query(true)
      .reply(async (request: Request) => {
        await this.uploadsWait;
        const form = await request.formData();
        const media = form.get("media");
        const type = String(form.get("type") ?? "");
        const name = typeof media === "object" && media !== null ? media.name : "";
        const bytes =
          typeof media === "object" && media !== null
            ? Buffer.from(await media.arrayBuffer())
            : Buffer.alloc(0);
        await record(request, { type, name, size: bytes.length });
        const id = `@media-${++this.media}`;
        this.uploads.set(id, { name, type, bytes });
        return [200, { errcode: 0, errmsg: "ok", type: "file", media_id: id, created_at: 1_764_727_200 }];
      });
    nock(DOWNLOADS)
      .persist()
      .get(/^\/dl\/.+$/)
      .reply(async (request: Request) => {
        await record(request, null);
        const code = decodeURIComponent(new URL(request.url).pathname.slice("/dl/".length));
        const bytes = this.files.get(code);
        return bytes === undefined
          ? [404, "not found"]
          : [200, bytes, { "content-type": "application/octet-stream" }];
      });
  }
}
