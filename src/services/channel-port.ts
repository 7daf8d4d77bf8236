import type { Config } from "../config.ts";
import type { Reply } from "../conversation/replies.ts";
import type { TypedAction } from "../conversation/typed-action.ts";
import type { Result } from "../core/result.ts";
import type { Delivery } from "./chat-service.ts";
import type { DeliverySummary } from "./draft-delivery.ts";
import type { DraftFile } from "./draft-files.ts";
import type { Ziping } from "./ziping.ts";

/**
 * The channel port: what every chat channel (the terminal, Slack, and next DingTalk, WeCom,
 * Feishu) turns its platform's events into, and the few things it must be able to do with what
 * ziping answers. A channel adapter is then parse (platform payload → InboundEvent) + render
 * (OutboundMessage → platform message) + transport (the platform's API), nothing else; the
 * conversation itself runs in services/channel-turns.ts.
 */

/**
 * A file the user attached, as the channel describes it before reading it: the platform's id and
 * name, the size it states (checked before anything is downloaded) and how to fetch the bytes.
 */
export interface InboundFile {
  id: string;
  name: string;
  /** The size the platform states, in bytes (not trusted: `fetch` stops past its limit). */
  size: number;
  /** The platform's name, for messages ("Slack", "钉钉"). */
  platform: string;
  /**
   * Downloads the file, refusing more than `limit` bytes while streaming (code "file.too_large"),
   * or says why it cannot (no address, a network error, a login page) in Chinese.
   */
  fetch(limit: number): Promise<Result<Uint8Array>>;
}

/** One normalized inbound event: a message typed, a choice pressed, or files shared. */
export interface InboundEvent {
  /** The platform's id for this event; a repeated id changes nothing. Null when it has none. */
  id: string | null;
  /** Where the conversation lives ("cli:alice", "slack:T1:D123", "dingtalk:…"). */
  conversation: string;
  /** Who acts, qualified by platform ("slack:T1:U1"). */
  user: string;
  /** What was typed; for a pressed choice, the words that name it (logs only). */
  text: string;
  /** A pressed button or chosen menu item: taken by the engine as it is. */
  action?: TypedAction;
  files?: readonly InboundFile[];
  /** Reopening the conversation: where it stands is shown, nothing changes. */
  resume?: boolean;
}

/** What a channel can show; the turn runner and renderers adapt to what is missing. */
export interface ChannelCapabilities {
  /** Pressable choices (confirm, 继续填写); without them the question names the words to type. */
  buttons: boolean;
  /** A sent message can be replaced (the "正在生成" placeholder by the summary). */
  messageUpdates: boolean;
  /** Tables render as tables (else as aligned text). */
  tables: boolean;
  /** Files can be handed to the user (an upload, or a folder on this machine). */
  files: boolean;
}

/** What ziping says through a channel. */
export type OutboundMessage =
  /** The engine's replies of a turn (one or more platform messages). */
  | { kind: "replies"; replies: readonly Reply[] }
  /** The event was handled before (a platform's retry, a replayed script): nothing changed. */
  | { kind: "duplicate" }
  /**
   * A report is being drafted (replaced later by the summary or the failure when updates exist);
   * `delivery` holds the report's data as it was asked for.
   */
  | { kind: "drafting"; delivery: Delivery; model?: string }
  /** The drafted report's summary, once its files are handed over. */
  | { kind: "delivered"; summary: DeliverySummary; files: readonly string[] }
  /** Drafting or handing over failed: why, in Chinese. */
  | { kind: "delivery-failed"; message: string };

/** Where one sent message can be found again to update it (a Slack ts); opaque to the services. */
export type MessageRef = string;

/** The outbound side of one conversation place (a DM, a thread, the terminal). */
export interface ChannelOutbound {
  readonly capabilities: ChannelCapabilities;
  /** Sends a message; returns a reference to its last platform message when updates are possible. */
  send(message: OutboundMessage): Promise<MessageRef | undefined>;
  /** Replaces a sent message (only called when `capabilities.messageUpdates`). */
  update(ref: MessageRef, message: OutboundMessage): Promise<void>;
  /**
   * Hands the files of report `reportId` to the user; returns where they are (names or paths) for
   * the summary, or why they could not be handed over (a folder that is not there).
   */
  upload(files: readonly DraftFile[], reportId: string): Promise<Result<string[]>>;
}

/** A chat channel `npm start` has connected (src/services/run-channels.ts runs them): what it is, how to stop it. */
export interface RunningChannel {
  /** The channel's name for the officer ("Slack", "钉钉", "政务钉钉", "企业微信"). */
  name: string;
  /** One Chinese line saying how it is connected (mode, port, address); no secret. */
  connected: string;
  /** Stops taking events and closes the connection; the service stays open (closed by the runner). */
  stop(): Promise<void>;
  /**
   * Resolves with a Chinese reason when the platform ends the channel by itself (WeCom: the same bot
   * connected elsewhere); the process then stops with exit 3.
   */
  ended?: Promise<string>;
}

/** A channel the settings ask for, before it is started. */
export interface ChannelPlan {
  name: string;
  /**
   * Only one instance may connect (a WeCom bot allows one connection): `npm start` runs it only
   * while holding its lease (services/single-channel.ts); other instances stand by.
   */
  single?: true;
  /**
   * The lease a single channel is held by: one per platform connection ("wecom:<bot id>"), so two
   * bots on one database are each held by some instance; absent: `channel:<name>`.
   */
  leaseKey?: string;
  /**
   * Connects; a refusal is a Chinese reason (a refused secret, an unreachable gateway, a port in
   * use) with what to check, never the secret itself.
   */
  start(
    ziping: Ziping,
    config: Config,
  ): Promise<{ ok: true; channel: RunningChannel } | { ok: false; message: string }>;
}
