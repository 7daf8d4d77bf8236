import { randomUUID } from "node:crypto";
import { z } from "zod";
import { fail, ok, type Result } from "../../core/result.ts";
import type { DingTalkSettings } from "./dingtalk-settings.ts";
import { type HttpAnswer, httpCall, jsonOf } from "./http-request.ts";

/** Where a robot message goes through the OpenAPI: one person's 1:1 chat, or a group. */
export type RobotTarget = { userId: string } | { openConversationId: string };

const TokenSchema = z.object({ accessToken: z.string().min(1), expireIn: z.number().positive() });
const DownloadSchema = z.object({ downloadUrl: z.url() });
const UploadSchema = z.object({ errcode: z.number().optional(), media_id: z.string().min(1) });
const WebhookSchema = z.object({ errcode: z.number().default(0), errmsg: z.string().optional() });

/** A token is renewed this long before DingTalk says it expires. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000;

/** Why a call failed, without the answer's body (it may quote the request). */
function refused(what: string, answer: HttpAnswer): Error {
  return new Error(`钉钉 ${what} 失败（HTTP ${answer.status}）`);
}

/**
 * DingTalk's HTTP side for the robot, on the configured hosts: the app's access token
 * (POST /v1.0/oauth2/accessToken {appKey, appSecret}, cached until 5 minutes before expireIn, one
 * request at a time), replies on a message's sessionWebhook, robot messages through the OpenAPI
 * (/v1.0/robot/oToMessages/batchSend and /v1.0/robot/groupMessages/send, header
 * x-acs-dingtalk-access-token), the download address of a received file
 * (/v1.0/robot/messageFiles/download) and media/upload on the old API for files sent out.
 * Network and HTTP failures throw (a reply that cannot be sent is logged by the turn runner).
 */
export class DingTalkApi {
  private token: { value: string; until: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly settings: DingTalkSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached access token, or a new one. */
  accessToken(): Promise<string> {
    if (this.token !== undefined && this.now() < this.token.until) return Promise.resolve(this.token.value);
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const answer = await httpCall({
      method: "POST",
      url: `${this.settings.apiUrl}/v1.0/oauth2/accessToken`,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ appKey: this.settings.clientId, appSecret: this.settings.clientSecret }),
    });
    const parsed = TokenSchema.safeParse(jsonOf(answer));
    if (answer.status !== 200 || !parsed.success) throw refused("获取 accessToken", answer);
    this.token = {
      value: parsed.data.accessToken,
      until: this.now() + parsed.data.expireIn * 1000 - TOKEN_MARGIN_MS,
    };
    return parsed.data.accessToken;
  }

  /** POST to the OpenAPI with the token; a 401 renews the token once. */
  private async openApi(path: string, body: unknown): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const answer = await httpCall({
        method: "POST",
        url: `${this.settings.apiUrl}${path}`,
        headers: {
          "Content-Type": "application/json",
          "x-acs-dingtalk-access-token": await this.accessToken(),
        },
        body: JSON.stringify(body),
      });
      if (answer.status === 401 && attempt === 0) {
        this.token = undefined;
        continue;
      }
      if (answer.status < 200 || answer.status >= 300) throw refused(path, answer);
      return jsonOf(answer);
    }
  }

  /**
   * A reply on a message's sessionWebhook (no token): true when DingTalk took it, false when it
   * refused it (expired session, errcode ≠ 0) so the caller falls back to the OpenAPI.
   */
  async webhook(url: string, body: unknown): Promise<boolean> {
    let answer: HttpAnswer;
    try {
      answer = await httpCall({
        method: "POST",
        url,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    } catch {
      return false;
    }
    const parsed = WebhookSchema.safeParse(jsonOf(answer));
    return answer.status === 200 && parsed.success && parsed.data.errcode === 0;
  }

  /** A robot message (msgKey with its msgParam) to a person or a group through the OpenAPI. */
  async send(target: RobotTarget, msgKey: string, msgParam: Record<string, string>): Promise<void> {
    const common = { robotCode: this.settings.robotCode, msgKey, msgParam: JSON.stringify(msgParam) };
    if ("userId" in target)
      await this.openApi("/v1.0/robot/oToMessages/batchSend", { ...common, userIds: [target.userId] });
    else
      await this.openApi("/v1.0/robot/groupMessages/send", {
        ...common,
        openConversationId: target.openConversationId,
      });
  }

  /** The temporary address of a file the robot received, by its downloadCode. */
  async downloadUrl(downloadCode: string): Promise<Result<string>> {
    let body: unknown;
    try {
      body = await this.openApi("/v1.0/robot/messageFiles/download", {
        downloadCode,
        robotCode: this.settings.robotCode,
      });
    } catch {
      return fail(
        "file.download_failed",
        "钉钉没有给出文件的下载地址（可能已过期，或应用缺少“企业内机器人发送消息”权限）。请重新发送文件，例如 自评报告.docx",
      );
    }
    const parsed = DownloadSchema.safeParse(body);
    return parsed.success
      ? ok(parsed.data.downloadUrl)
      : fail("file.download_failed", "钉钉没有给出文件的下载地址，请重新发送文件，例如 自评报告.docx");
  }

  /** Uploads a file (media/upload, type file) and returns its media_id for a sampleFile message. */
  async upload(name: string, bytes: Uint8Array): Promise<string> {
    const boundary = `ziping-${randomUUID()}`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\nfile\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="${name.replace(/["\r\n]/g, "")}"\r\n` +
          "Content-Type: application/octet-stream\r\n\r\n",
      ),
      Buffer.from(bytes),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const token = encodeURIComponent(await this.accessToken());
    const answer = await httpCall({
      method: "POST",
      url: `${this.settings.oapiUrl}/media/upload?access_token=${token}&type=file`,
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      body,
      timeoutMs: 120_000,
    });
    const parsed = UploadSchema.safeParse(jsonOf(answer));
    if (answer.status !== 200 || !parsed.success || (parsed.data.errcode ?? 0) !== 0)
      throw refused("上传文件", answer);
    return parsed.data.media_id;
  }
}
