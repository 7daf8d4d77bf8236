import http from "node:http";
import type { AddressInfo } from "node:net";
import { fail, ok, type Result } from "../../core/result.ts";
import { type ChannelLog, runFiles, runTurn, sendReplies } from "../../services/channel-turns.ts";
import type { Ziping } from "../../services/ziping.ts";
import { type GovInbound, parseCallback } from "./callback-payload.ts";
import type { GovDingTalkClient } from "./gov-client.ts";
import { govInboundFile, govOutbound } from "./gov-outbound.ts";
import { govConversationKey } from "./gov-place.ts";
import { type CallbackGuard, openCallback } from "./open-callback.ts";

/** What an officer is told for a picture, a voice message or a card: what ziping can read instead. */
const UNSUPPORTED =
  "这类消息 ziping 还读不了。请直接打字回复，或把材料作为文件发送（Word .docx、Excel .xlsx、PDF 或 .txt），例如 2021年自评报告.docx";

/** A callback body larger than this is not a robot message. */
const MAX_BODY = 1024 * 1024;

/** What the receiver needs: the one service, the REST client, where and how callbacks are signed. */
export interface GovReceiverDeps {
  ziping: Ziping;
  client: GovDingTalkClient;
  tenantId: string;
  callbackPath: string;
  /** How callbacks are checked: the signed headers, or DingTalk's encryption. */
  guard: CallbackGuard;
  clock: () => Date;
  log: ChannelLog;
}

/**
 * The HTTP callback receiver of the 政务钉钉 robot: each POST on the callback path is checked
 * (signature and time, else 403 and a log line, nothing done), answered at once, parsed, and run
 * through the channel port in the order received per conversation (a file is read through the
 * REST client; replies go out through it). A message id seen before changes nothing.
 */
export class GovCallbackReceiver {
  private readonly server: http.Server;
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly deps: GovReceiverDeps) {
    this.server = http.createServer((request, response) => {
      this.receive(request, response).catch((error: unknown) => {
        deps.log.error("处理政务钉钉回调时出错", error);
        if (!response.headersSent) response.writeHead(500).end();
      });
    });
  }

  /** Listens on `port` (0: any free port); the bound port, or why not (a port in use). */
  listen(port: number, host?: string): Promise<Result<number>> {
    return new Promise((resolve) => {
      const failed = (error: NodeJS.ErrnoException) =>
        resolve(
          error.code === "EADDRINUSE"
            ? fail(
                "govdingtalk.port_in_use",
                `端口 ${port} 已被占用：请换一个 GOV_DINGTALK_CALLBACK_PORT（例如 3101），或先停止占用该端口的程序。`,
              )
            : fail("govdingtalk.listen", `无法在端口 ${port} 上接收回调（${error.code ?? error.message}）。`),
        );
      this.server.once("error", failed);
      this.server.listen(port, host, () => {
        this.server.off("error", failed);
        resolve(ok((this.server.address() as AddressInfo).port));
      });
    });
  }

  /** Resolves once every callback received so far has been handled. */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  /** Stops taking callbacks, then waits for those being handled. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    await this.idle();
  }

  private async receive(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (request.method !== "POST" || url.pathname !== this.deps.callbackPath) {
      response.writeHead(404).end();
      return;
    }
    const body = await readBody(request);
    if (body === null) {
      response.writeHead(413).end();
      return;
    }
    const opened = openCallback(
      {
        query: url.searchParams,
        timestamp: header(request, "timestamp"),
        sign: header(request, "sign"),
        body,
      },
      this.deps.guard,
      this.deps.clock(),
    );
    if (!opened.ok) {
      this.deps.log.info(
        opened.status === 403
          ? `已拒绝一个政务钉钉回调（${opened.why}，来自 ${request.socket.remoteAddress ?? "?"}），未做任何处理`
          : `忽略了一个政务钉钉回调：${opened.why}`,
      );
      response.writeHead(opened.status, { "Content-Type": "application/json" }).end('{"success":false}');
      return;
    }
    response.writeHead(200, { "Content-Type": "application/json" }).end(opened.answer);
    if (isUrlCheck(opened.message)) {
      this.deps.log.info("政务钉钉校验了回调地址（check_url），已应答");
      return;
    }
    const json = opened.message;
    const parsed = parseCallback(json, this.deps.tenantId);
    if (!parsed.ok) {
      this.deps.log.info(`忽略了一个政务钉钉回调：${parsed.why}`);
      return;
    }
    this.enqueue(govConversationKey(parsed.value.place), () => this.handle(parsed.value));
  }

  /** Runs `task` after the conversation's earlier messages (messages of one chat keep their order). */
  private enqueue(key: string, task: () => Promise<void>): void {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous
      .then(task)
      .catch((error: unknown) => this.deps.log.error("处理政务钉钉消息时出错", error));
    this.chains.set(key, next);
    void next.then(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
  }

  private async handle(m: GovInbound): Promise<void> {
    const { ziping, client, clock, log } = this.deps;
    const out = govOutbound(client, m.place);
    const conversation = govConversationKey(m.place);
    if (m.unsupported !== undefined) {
      log.info(`收到 ${m.unsupported} 类型的消息，未处理`);
      await sendReplies(out, [{ type: "notice", level: "warn", text: UNSUPPORTED }]);
      return;
    }
    if (m.files.length > 0) {
      // A file is downloaded and read before the turn: a redelivered file message is claimed first.
      if (!(await ziping.claimEvent(m.id, clock()))) {
        log.info(`重复的消息 ${m.id}，未重复处理`);
        return;
      }
      const files = m.files.map((f) => govInboundFile(client, f));
      await runFiles(ziping, out, { id: m.id, conversation, user: m.user, text: "", files }, clock, log);
      return;
    }
    const resume = m.text === "";
    await runTurn(
      ziping,
      out,
      { id: resume ? null : m.id, conversation, user: m.user, text: m.text, resume },
      clock,
      log,
    );
  }
}

/** DingTalk's check of a new callback address ({"EventType":"check_url"}): answered, nothing else. */
function isUrlCheck(message: unknown): boolean {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as { EventType?: unknown }).EventType === "check_url"
  );
}

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The request body, or null past MAX_BODY. */
async function readBody(request: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    total += (chunk as Buffer).length;
    if (total > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
