import nock from "nock";

/** One Web API call as Slack received it: the method and its arguments (JSON fields decoded). */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
}

/** A reply the fake gives once, instead of the default, to the next call of a method. */
export interface CannedReply {
  status?: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export const API = "https://slack.com";
export const FILES = "https://files.slack.com";
export const HOOKS = "https://hooks.slack.com";

/**
 * The Slack Web API behind nock: records every call in order and answers like Slack does (a
 * message ts, an upload URL, a DM channel…). `once(method, reply)` queues a different answer (a 429,
 * an expired trigger). Uploaded file bodies, file downloads and response_url posts are recorded too.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  /** Bodies posted to upload URLs, by file id. */
  readonly uploads = new Map<string, Buffer>();
  /** Ephemeral replies posted to a command's response_url. */
  readonly responses: Record<string, unknown>[] = [];
  /** Files served at url_private_download, by path. */
  readonly files = new Map<string, Buffer>();
  /** Authorization headers seen on file downloads. */
  readonly downloadAuth: string[] = [];
  /** performance.now() of the first Web API call, to show that acks come first. */
  firstCallAt: number | undefined;
  private readonly queued = new Map<string, CannedReply[]>();
  private ts = 0;
  private fileN = 0;

  constructor(readonly dm: Record<string, string> = {}) {}

  /** Answers the next call of `method` with `reply` instead of the default. */
  once(method: string, reply: CannedReply): void {
    const list = this.queued.get(method) ?? [];
    list.push(reply);
    this.queued.set(method, list);
  }

  /** The methods called, in order. */
  methods(): string[] {
    return this.calls.map((c) => c.method);
  }

  /** The calls of one method. */
  of(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Forgets what was recorded (the interceptors stay). */
  clear(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.uploads.clear();
  }

  install(): void {
    nock(API)
      .persist()
      .post(/^\/api\/[a-zA-Z.]+$/)
      .reply(async (request: Request) => {
        this.firstCallAt ??= performance.now();
        const method = new URL(request.url).pathname.replace("/api/", "");
        const args = decode(await request.text());
        this.calls.push({ method, args });
        const canned = this.queued.get(method)?.shift();
        if (canned !== undefined) return [canned.status ?? 200, canned.body, canned.headers ?? {}];
        return [200, this.answer(method, args)];
      });
    nock(FILES)
      .persist()
      .post(/^\/upload\/v1\/.+$/)
      .reply(async (request: Request) => {
        const id = new URL(request.url).pathname.split("/").pop() ?? "";
        // files.uploadV2 posts a multipart form; the file is its one file part.
        const form = await request.formData();
        const part = [...form.values()].find((v) => typeof v !== "string");
        const bytes = typeof part === "object" ? await part.arrayBuffer() : new ArrayBuffer(0);
        this.uploads.set(id, Buffer.from(bytes));
        return [200, "OK"];
      });
    nock(FILES)
      .persist()
      .get(/^\/files-pri\/.+$/)
      .reply((request: Request) =>
        this.serve(new URL(request.url).pathname, request.headers.get("authorization") ?? ""),
      );
    nock(HOOKS)
      .persist()
      .post(/^\/commands\/.+$/)
      .reply(async (request: Request) => {
        this.responses.push((await request.json()) as Record<string, unknown>);
        return [200, "ok"];
      });
  }

  private serve(uri: string, auth: string): [number, Buffer | string, Record<string, string>] {
    this.downloadAuth.push(auth);
    const bytes = this.files.get(uri);
    return bytes === undefined
      ? [404, "not found", {}]
      : [200, bytes, { "content-type": "application/octet-stream" }];
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "chat.postMessage":
        return { ok: true, channel: args.channel, ts: `1700000100.${String(++this.ts).padStart(6, "0")}` };
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts };
      case "conversations.open": {
        const user = String(args.users ?? "");
        return { ok: true, channel: { id: this.dm[user] ?? `D${user}` } };
      }
      case "files.getUploadURLExternal": {
        const id = `F${++this.fileN}`;
        return { ok: true, upload_url: `${FILES}/upload/v1/${id}`, file_id: id };
      }
      case "files.completeUploadExternal":
        return { ok: true, files: (args.files as { id: string }[]).map((f) => ({ id: f.id })) };
      case "views.open":
        return { ok: true, view: { id: "V1", hash: "h1" } };
      default:
        return { ok: true };
    }
  }
}

/** Form-encoded Web API arguments, with the JSON-encoded ones (blocks, view, files) decoded. */
function decode(body: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    args[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return args;
}
