import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer } from "ws";

/** A frame as the bot sent it (req_id kept; tests compare the rest). */
export interface SentFrame {
  cmd: string;
  headers: { req_id: string };
  body?: Record<string, unknown>;
  /** Which connection (1, 2, …) it came on. */
  connection: number;
}

/** A file the bot uploaded over the socket (aibot_upload_media_*), reassembled. */
export interface UploadedFile {
  filename: string;
  bytes: Buffer;
  md5: string;
  mediaId: string;
}

/**
 * A local stand-in for the WeCom AI bot's long-connection server (wss://openws.work.weixin.qq.com),
 * speaking the frames the SDK sends and expects: aibot_subscribe answered with errcode 0 (or a
 * refusal for a wrong secret), ping answered, every aibot_send_msg / aibot_respond_update_msg
 * acknowledged by its req_id, the three-step media upload answered with an upload_id and a
 * media_id; callbacks (aibot_msg_callback, aibot_event_callback) pushed by the test.
 */
export class FakeWeCom {
  readonly frames: SentFrame[] = [];
  readonly uploads: UploadedFile[] = [];
  connections = 0;
  private server: WebSocketServer;
  private port = 0;
  private socket: WebSocket | null = null;
  private waiters: { test: () => boolean; resolve: () => void }[] = [];
  private pending = new Map<string, { filename: string; md5: string; chunks: Buffer[] }>();
  private uploadN = 0;
  private pushN = 0;

  private constructor(
    readonly botId: string,
    readonly secret: string,
  ) {
    this.server = this.listen(0);
  }

  private listen(port: number): WebSocketServer {
    const server = new WebSocketServer({ host: "127.0.0.1", port });
    server.on("connection", (ws) => {
      this.connections += 1;
      const n = this.connections;
      this.socket = ws;
      ws.on("message", (data) =>
        this.receive(ws, n, JSON.parse(String(data)) as Omit<SentFrame, "connection">),
      );
      this.settle();
    });
    return server;
  }

  /** Goes down: every connection is cut and new ones are refused until `restart`. */
  stopListening(): Promise<void> {
    this.port = (this.server.address() as AddressInfo).port;
    for (const client of this.server.clients) client.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Listens again on the same port. */
  async restart(): Promise<void> {
    this.server = this.listen(this.port);
    await new Promise<void>((resolve) => this.server.once("listening", () => resolve()));
  }

  /** A fake server listening on 127.0.0.1 (a free port). */
  static async start(botId: string, secret: string): Promise<FakeWeCom> {
    const fake = new FakeWeCom(botId, secret);
    await new Promise<void>((resolve) => {
      if (fake.server.address() !== null) resolve();
      else fake.server.once("listening", () => resolve());
    });
    return fake;
  }

  /** ws://127.0.0.1:<port>. */
  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private reply(ws: WebSocket, frame: Record<string, unknown>): void {
    ws.send(JSON.stringify(frame));
  }

  private receive(ws: WebSocket, connection: number, frame: Omit<SentFrame, "connection">): void {
    this.frames.push({ ...frame, connection });
    const req_id = frame.headers.req_id;
    const body = frame.body ?? {};
    switch (frame.cmd) {
      case "aibot_subscribe":
        if (body.bot_id === this.botId && body.secret === this.secret)
          this.reply(ws, { headers: { req_id }, errcode: 0, errmsg: "ok" });
        else this.reply(ws, { headers: { req_id }, errcode: 40058, errmsg: "invalid secret" });
        break;
      case "aibot_upload_media_init": {
        const uploadId = `upload-${++this.uploadN}`;
        this.pending.set(uploadId, { filename: String(body.filename), md5: String(body.md5), chunks: [] });
        this.reply(ws, { headers: { req_id }, errcode: 0, errmsg: "ok", body: { upload_id: uploadId } });
        break;
      }
      case "aibot_upload_media_chunk":
        this.pending
          .get(String(body.upload_id))
          ?.chunks.splice(Number(body.chunk_index), 0, Buffer.from(String(body.base64_data), "base64"));
        this.reply(ws, { headers: { req_id }, errcode: 0, errmsg: "ok" });
        break;
      case "aibot_upload_media_finish": {
        const upload = this.pending.get(String(body.upload_id));
        const mediaId = `media-${this.uploads.length + 1}`;
        if (upload !== undefined) {
          const bytes = Buffer.concat(upload.chunks);
          this.uploads.push({ filename: upload.filename, bytes, md5: upload.md5, mediaId });
        }
        this.reply(ws, {
          headers: { req_id },
          errcode: 0,
          errmsg: "ok",
          body: { type: "file", media_id: mediaId, created_at: "1764806400" },
        });
        break;
      }
      default:
        // ping, aibot_send_msg, aibot_respond_update_msg: a receipt by req_id.
        this.reply(ws, { headers: { req_id }, errcode: 0, errmsg: "ok" });
    }
    this.settle();
  }

  /** Pushes a callback (a message by default) to the connected bot; returns its req_id. */
  push(body: Record<string, unknown>, cmd = "aibot_msg_callback"): string {
    const req_id = `callback-${++this.pushN}`;
    if (this.socket === null || this.socket.readyState !== WebSocket.OPEN)
      throw new Error("no bot connected");
    this.socket.send(JSON.stringify({ cmd, headers: { req_id }, body }));
    return req_id;
  }

  /** Drops the current connection as a network failure would (no close frame). */
  drop(): void {
    this.socket?.terminate();
    this.socket = null;
  }

  /** Resolves once `test` holds (checked after each frame and connection). */
  until(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  private settle(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  }

  /** The frames of one command, without req_ids and connections. */
  sent(cmd?: string): { cmd: string; body?: Record<string, unknown> }[] {
    return this.frames
      .filter((f) => (cmd === undefined ? f.cmd !== "ping" : f.cmd === cmd))
      .map(({ cmd: c, body }) => (body === undefined ? { cmd: c } : { cmd: c, body }));
  }

  clear(): void {
    this.frames.length = 0;
    this.uploads.length = 0;
  }

  close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** md5 of bytes, as the SDK's upload init carries it. */
export function md5(bytes: Uint8Array): string {
  return createHash("md5").update(bytes).digest("hex");
}

/** The markdown text of a sent frame ("" when it is not a markdown message). */
export function contentOf(frame: { body?: Record<string, unknown> } | undefined): string {
  const markdown = frame?.body?.markdown as { content?: unknown } | undefined;
  return typeof markdown?.content === "string" ? markdown.content : "";
}
