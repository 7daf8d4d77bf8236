import type { Logger, webApi } from "@slack/bolt";
import type { Reply } from "../../conversation/replies.ts";
import type { TypedAction } from "../../conversation/typed-action.ts";
import {
  deliverThrough,
  resumeDeliveries,
  runFiles,
  runTurn,
  sendReplies,
  TURN_FAILED,
} from "../../services/channel-turns.ts";
import type { Delivery, TurnResult } from "../../services/chat-service.ts";
import type { Ziping } from "../../services/ziping.ts";
import { type Download, inboundFile } from "./file-intake.ts";
import type { SlackFile } from "./payloads.ts";
import { slackOutbound } from "./slack-outbound.ts";
import { conversationKey, placeOfKey, type SlackPlace, slackUserId } from "./slack-place.ts";

type WebClient = webApi.WebClient;

/** What the officer is told when a turn fails on a bug. */
export const FAILED = TURN_FAILED;

/** What the Slack adapter needs from the shell: the one service, a clock, a downloader, a logger. */
export interface SlackDeps {
  ziping: Ziping;
  clock: () => Date;
  download: Download;
  logger: Logger;
}

/**
 * The Slack side of a conversation: turns a Slack event into the channel port's inbound event and
 * runs it through the one door (services/channel-turns.ts), with this place's outbound side
 * (slack-outbound.ts: chat.postMessage, chat.update, files.uploadV2). No rule of the domain lives
 * here.
 */
export class SlackTurns {
  constructor(readonly deps: SlackDeps) {}

  /**
   * One message of `user` in `place`: a repeated message id changes and posts nothing. A pressed
   * button passes its typed `action` (the engine takes it as it is; `text` only names it).
   */
  message(
    client: WebClient,
    place: SlackPlace,
    user: string,
    text: string,
    messageId: string | null,
    resume = false,
    action?: TypedAction,
  ): Promise<TurnResult> {
    return runTurn(
      this.deps.ziping,
      slackOutbound(client, place),
      {
        id: messageId,
        conversation: conversationKey(place),
        user: slackUserId(place.team, user),
        text,
        resume,
        ...(action === undefined ? {} : { action }),
      },
      this.deps.clock,
      this.deps.logger,
    );
  }

  /** Posts replies as one or more Block Kit messages, in the place's thread. */
  post(client: WebClient, place: SlackPlace, replies: readonly Reply[]): Promise<void> {
    return sendReplies(slackOutbound(client, place), replies);
  }

  /**
   * At start: the drafts asked for in Slack that were never handed over (the process stopped while
   * drafting or uploading) are drafted and uploaded now, each into the DM or thread it was asked in.
   * Returns how many were resumed.
   */
  resumeDeliveries(client: WebClient): Promise<number> {
    return resumeDeliveries(
      this.deps.ziping,
      "slack:",
      (key) => {
        const place = placeOfKey(key);
        return place === null ? undefined : slackOutbound(client, place);
      },
      this.deps.clock,
      this.deps.logger,
    );
  }

  /**
   * "生成报告": a placeholder at once, then the draft (Word and Markdown) uploaded into the thread,
   * then the placeholder replaced by the score summary and the findings. A failure replaces the
   * placeholder with the reason; the report data is untouched either way.
   */
  deliver(client: WebClient, place: SlackPlace, delivery: Delivery): Promise<void> {
    return deliverThrough(
      this.deps.ziping,
      slackOutbound(client, place),
      delivery,
      this.deps.clock,
      this.deps.logger,
    );
  }

  /**
   * Uploaded files: each is checked and read, then given to the conversation as a paste (the engine
   * shows what it read and asks to confirm). A file that cannot be read gets a message that names it
   * and says what was expected; nothing already collected changes.
   */
  files(
    client: WebClient,
    place: SlackPlace,
    user: string,
    files: readonly SlackFile[],
    messageId: string,
    token: string,
  ): Promise<void> {
    return runFiles(
      this.deps.ziping,
      slackOutbound(client, place),
      {
        id: messageId,
        conversation: conversationKey(place),
        user: slackUserId(place.team, user),
        text: "",
        files: files.map((f) => inboundFile(f, token, this.deps.download)),
      },
      this.deps.clock,
      this.deps.logger,
    );
  }
}
