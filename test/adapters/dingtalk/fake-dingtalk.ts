import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";

/** A frame the client sent back (an ack or a pong), parsed. */
export interface ClientFrame {
  code: number;
  headers: Record<string, string>;
  message: string;
  data: string;
}

/**
 * DingTalk's Stream gateway on 127.0.0.1: POST /v1.0/gateway/connections/open checks the app's
 * credentials and hands out an endpoint and a one-use ticket; the WebSocket at /connect takes the
 * ticket and then speaks the frame format (SYSTEM ping / disconnect, CALLBACK pushes) and records
 * every frame the client sends back. `refuseUpgrades` makes the next handshakes fail before the
 * socket opens (a gateway in trouble), `drop()` cuts the open sockets.
 */
export class FakeDingTalkGateway {
  /** Bodies of the connections/open calls, in order. */
  readonly opens: Record<string, unknown>[] = [];
  /** Every frame the client sent, in order. */
  readonly received: ClientFrame[] = [];
  /** performance.now() when each pushed frame was sent and when its ack arrived, by messageId. */
  readonly pushedAt = new Map<string, number>();
  readonly ackedAt = new Map<string, number>();
  /** Handshakes to refuse (HTTP 502) before the next one is accepted. */
  refuseUpgrades = 0;
  /** Handshakes attempted (accepted or refused). */
  upgrades = 0;
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly open = new Set<WebSocket>();
  private readonly waiters: { test: () => boolean; resolve: () => void }[] = [];
  private connections = 0;
  private n = 0;
  base = "";

  constructor(
    readonly clientId = "dingfakeclient",
    readonly clientSecret = "fake-secret-0123456789",
  ) {
    this.server = createServer((req, res) => this.http(req, res));
    this.server.on("upgrade", (req, socket, head) => this.upgrade(req, socket, head));
  }

  /** Listens on a free port of 127.0.0.1; returns the gateway's base URL. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  /** How many sockets are open now. */
  openSockets(): number {
    return this.open.size;
  }

  /** Resolves once `count` sockets have been accepted since the start. */
  connected(count: number): Promise<void> {
    return this.until(() => this.connections >= count);
  }

  /** Pushes a CALLBACK frame on `topic` with `payload` as data; returns its messageId. */
  push(payload: unknown, topic = "/v1.0/im/bot/messages/get", type = "CALLBACK"): string {
    const messageId = `frame-${++this.n}`;
    const frame = {
      specVersion: "1.0",
      type,
      headers: {
        appId: "app-1",
        connectionId: "conn-1",
        contentType: "application/json",
        messageId,
        time: String(1_764_727_200_000 + this.n),
        topic,
      },
      data: JSON.stringify(payload),
    };
    this.pushedAt.set(messageId, performance.now());
    for (const socket of this.open) socket.send(JSON.stringify(frame));
    return messageId;
  }

  /** Resolves with the client's ack of `messageId`. */
  async acked(messageId: string): Promise<ClientFrame> {
    const find = () => this.received.find((f) => f.headers.messageId === messageId);
    await this.until(() => find() !== undefined);
    return find() as ClientFrame;
  }

  /** A SYSTEM ping carrying `opaque`; resolves with the client's answer. */
  async ping(opaque: string): Promise<ClientFrame> {
    const messageId = `ping-${++this.n}`;
    const frame = {
      specVersion: "1.0",
      type: "SYSTEM",
      headers: { contentType: "application/json", messageId, time: "1", topic: "ping" },
      data: JSON.stringify({ opaque }),
    };
    for (const socket of this.open) socket.send(JSON.stringify(frame));
    return this.acked(messageId);
  }

  /** A SYSTEM disconnect, then the socket closed by the server after `afterMs`. */
  disconnect(afterMs: number): void {
    const frame = {
      specVersion: "1.0",
      type: "SYSTEM",
      headers: {
        contentType: "application/json",
        messageId: `dis-${++this.n}`,
        time: "1",
        topic: "disconnect",
      },
      data: JSON.stringify({ reason: "server restart" }),
    };
    for (const socket of [...this.open]) {
      socket.send(JSON.stringify(frame));
      setTimeout(() => socket.close(1000, "disconnect"), afterMs);
    }
  }

  /** Cuts every open socket without a closing handshake (a network drop). */
  drop(): void {
    for (const socket of this.open) socket.terminate();
  }

  /** Resolves when `test` holds (checked on every gateway event). */
  until(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private wake(): void {
    for (const w of [...this.waiters])
      if (w.test()) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
  }

  private http(req: IncomingMessage, res: import("node:http").ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1.0/gateway/connections/open") {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      this.opens.push(body);
      this.wake();
      if (req.headers.accept !== "application/json") {
        res.writeHead(200, { "content-type": "application/xml" }).end("<xml/>");
        return;
      }
      if (body.clientId !== this.clientId || body.clientSecret !== this.clientSecret) {
        res
          .writeHead(401, { "content-type": "application/json" })
          .end(JSON.stringify({ code: "InvalidAuthentication", message: "身份验证失败" }));
        return;
      }
      const ticket = `ticket-${++this.n}`;
      this.tickets.add(ticket);
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ endpoint: `${this.base.replace("http", "ws")}/connect`, ticket }));
    });
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.upgrades += 1;
    const url = new URL(req.url ?? "/", this.base);
    const ticket = url.searchParams.get("ticket") ?? "";
    if (this.refuseUpgrades > 0 || url.pathname !== "/connect" || !this.tickets.delete(ticket)) {
      if (this.refuseUpgrades > 0) this.refuseUpgrades -= 1;
      socket.end("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      this.wake();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.open.add(ws);
      this.connections += 1;
      ws.on("message", (raw) => {
        const frame = JSON.parse(raw.toString()) as ClientFrame;
        this.ackedAt.set(frame.headers.messageId ?? "", performance.now());
        this.received.push(frame);
        this.wake();
      });
      ws.on("close", () => {
        this.open.delete(ws);
        this.wake();
      });
      this.wake();
    });
  }
}
