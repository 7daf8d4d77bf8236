import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { fail, ok, type Result } from "../../core/result.ts";
import { resumeDeliveries, runFiles, runTurn, sendReplies } from "../../services/channel-turns.ts";
import type { RunningChannel } from "./aibot-channel.ts";
import { weComInboundFile } from "./aibot-file.ts";
import { serialQueue, type WeComDeps } from "./aibot-listeners.ts";
import { WeComApi } from "./callback-api.ts";
import { parseCallbackMessage, xmlField } from "./callback-message.ts";
import type { WeComLogger } from "./wecom-logger.ts";
import { type WeComTransport, weComOutbound } from "./wecom-outbound.ts";
import { type WeComPlace, weComConversationKey, weComPlaceOfKey, weComUserId } from "./wecom-place.ts";
import type { WeComSettings } from "./wecom-settings.ts";
import { msgCrypt } from "./wx-biz-msg-crypt.ts";

type CallbackSettings = Extract<WeComSettings, { mode: "callback" }>;

/** Where WeCom posts: set as the app's 接收消息 URL (https://<host>/wecom/callback). */
export const CALLBACK_PATH = "/wecom/callback";
/** A callback packet is a few kilobytes; anything past this is not WeCom's. */
const MAX_BODY = 1024 * 1024;

/** The app's transport: markdown and file messages by message/send (no cards: their clicks need more setup). */
function apiTransport(api: WeComApi, agentId: number): WeComTransport {
  return {
    cards: false,
    async markdown(place, content) {
      await api.send({ touser: place.chat, msgtype: "markdown", agentid: agentId, markdown: { content } });
    },
    async card() {
      throw new Error("bug: the callback mode sends no cards (cards is false)");
    },
    async file(place, name, bytes) {
      const mediaId = await api.upload(name, bytes);
      await api.send({ touser: place.chat, msgtype: "file", agentid: agentId, file: { media_id: mediaId } });
    },
  };
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    req.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => resolve(null));
  });
}

/**
 * The callback mode for 政务微信 (or 企业微信) builds without the AI bot: an HTTP receiver on
 * `settings.port` at /wecom/callback (GET: URL verification, answering the decrypted echostr;
 * POST: an encrypted message, answered "success" at once and handled after), every request's
 * signature checked first (a forged one is answered 403 and changes nothing); replies by the
 * server API. 1:1 chats with the app only (apps do not receive group messages). Started once the
 * secret is accepted (gettoken) and the port is listening.
 */
export async function startCallback(
  settings: CallbackSettings,
  deps: WeComDeps & { log: WeComLogger },
): Promise<Result<RunningChannel & { port: number }>> {
  const api = new WeComApi(settings.apiUrl, settings.corpId, settings.corpSecret);
  const token = await api.token();
  if (!token.ok)
    return fail(
      token.error.code,
      token.error.code === "wecom.refused"
        ? `${token.error.message}：请核对 WECOM_CORP_ID（我的企业 → 企业信息 → 企业ID）和 WECOM_CORP_SECRET（应用管理 → 自建应用 → Secret），放入 .env 后重新运行 npm start。`
        : `${token.error.message}。请检查本机能否访问该地址；私有部署的政务微信请在 WECOM_API_URL 填写其接口地址。数据没有受影响。`,
    );
  const crypt = msgCrypt(settings.token, settings.encodingAesKey, settings.corpId);
  const transport = apiTransport(api, settings.agentId);
  const scope = settings.corpId;
  const queue = serialQueue(deps.log);
  const outbound = (place: WeComPlace) =>
    weComOutbound(transport, place, deps.taskId, (m, e) => deps.log.error(m, e));

  const handle = (xml: string) => {
    const m = parseCallbackMessage(xml);
    if (m === null || m.AgentID !== settings.agentId || m.MsgType === "event") return;
    const place: WeComPlace = { scope, chat: m.FromUserName, group: false };
    const conversation = weComConversationKey(place);
    const id = m.MsgId === undefined ? null : `wecom:${scope}:${m.MsgId}`;
    const user = weComUserId(scope, m.FromUserName);
    void queue.run(conversation, async () => {
      const out = outbound(place);
      const mediaId = m.MediaId;
      if (m.MsgType === "file" && mediaId !== undefined) {
        if (id !== null && !(await deps.ziping.claimEvent(id, deps.clock()))) return;
        const file = await weComInboundFile(
          "file",
          (limit) => api.media(mediaId, limit),
          m.FileName === undefined ? {} : { name: m.FileName },
        );
        if (!file.ok) await sendReplies(out, [{ type: "notice", level: "error", text: file.error.message }]);
        else
          await runFiles(
            deps.ziping,
            out,
            { id, conversation, user, text: "", files: [file.value] },
            deps.clock,
            deps.log,
          );
        return;
      }
      const text = (m.Content ?? m.Recognition ?? "").trim();
      if (text === "") return;
      await runTurn(deps.ziping, out, { id, conversation, user, text }, deps.clock, deps.log);
    });
  };

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const q = (name: string) => url.searchParams.get(name) ?? "";
    const refuse = (status: number) => {
      res
        .writeHead(status, { "content-type": "text/plain; charset=utf-8" })
        .end(status === 403 ? "forbidden" : "");
    };
    if (url.pathname !== CALLBACK_PATH) return refuse(404);
    const [signature, timestamp, nonce] = [q("msg_signature"), q("timestamp"), q("nonce")];
    if (req.method === "GET") {
      const echo = q("echostr");
      if (!crypt.verify(signature, timestamp, nonce, echo)) return refuse(403);
      const plain = crypt.decrypt(echo);
      if (!plain.ok) return refuse(403);
      deps.log.info("企业微信回调地址验证通过");
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(plain.value);
      return;
    }
    if (req.method !== "POST") return refuse(405);
    const body = await readBody(req);
    const encrypted = body === null ? undefined : xmlField(body, "Encrypt");
    if (encrypted === undefined || !crypt.verify(signature, timestamp, nonce, encrypted)) {
      deps.log.info("拒绝了签名不符的企业微信回调");
      return refuse(403);
    }
    const xml = crypt.decrypt(encrypted);
    if (!xml.ok) return refuse(403);
    handle(xml.value);
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end("success");
  };

  const server: Server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      deps.log.error("企业微信回调处理出错", error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const listening = await new Promise<Result<number>>((resolve) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      resolve(
        fail(
          "wecom.port",
          error.code === "EADDRINUSE"
            ? `端口 ${settings.port} 已被占用：请换一个 WECOM_CALLBACK_PORT，或先停止占用该端口的程序。`
            : `无法在端口 ${settings.port} 上接收企业微信回调（${error.message}）。`,
        ),
      ),
    );
    server.listen(settings.port, () => {
      const address = server.address();
      resolve(ok(typeof address === "object" && address !== null ? address.port : settings.port));
    });
  });
  if (!listening.ok) return listening;
  try {
    await resumeDeliveries(
      deps.ziping,
      `wecom:${scope}:`,
      (key) => {
        const place = weComPlaceOfKey(key);
        return place === null || place.group ? undefined : outbound(place);
      },
      deps.clock,
      deps.log,
    );
  } catch (error) {
    deps.log.error("继续交付上次未完成的报告失败", error);
  }
  return ok({
    port: listening.value,
    idle: () => queue.idle(),
    ended: new Promise<string>(() => {}),
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await queue.idle();
    },
  });
}
