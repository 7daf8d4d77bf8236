import type { Effect } from "../conversation/effects.ts";
import type { Json } from "../conversation/patch.ts";
import type { Reply } from "../conversation/replies.ts";
import type { Assessment, ChatEngine, EngineInput } from "../conversation/step.ts";
import { type TypedAction, TypedActionSchema } from "../conversation/typed-action.ts";
import type { DeliveryJobRepository, ReportRepository } from "../storage/index.ts";
import type { ChatCorpus } from "./chat-corpus.ts";
import { ChatLookup, denied } from "./chat-lookup.ts";
import { listingOf, reportsTable } from "./report-listing.ts";

/** One incoming message as a channel adapter delivers it. */
export interface IncomingMessage {
  /** Where the conversation lives: "cli:alice", "slack:T1:D123", … */
  conversationKey: string;
  userId: string;
  userName?: string;
  /** The platform's message id; a repeated id is answered from the record and changes nothing. */
  messageId: string | null;
  text: string;
  now: Date;
  /** Reopening the conversation (terminal start): reply with where we are, change nothing. */
  resume?: boolean;
  /**
   * A pressed button or chosen menu item, taken by the engine as it is (`text` then only names it
   * in logs); validated here, at the boundary, since it comes from a platform payload.
   */
  action?: TypedAction;
  /**
   * The drafts asked for here are run by a draft worker, not in the turn: a report whose draft is
   * still pending is not asked for twice (the officer is told it is on its way).
   */
  queued?: boolean;
}

/** A report to hand over to the officer (the adapter decides how: file, upload). */
export interface Delivery {
  reportId: string;
  doc: Json;
  /** The recorded job (pending until the adapter calls `finishDelivery`), when jobs are kept. */
  jobId?: number;
}

/** What one turn produced. */
export interface TurnResult {
  replies: Reply[];
  reportId: string | null;
  /** True when the message id had been processed before: nothing changed. */
  duplicate: boolean;
  deliveries: Delivery[];
}

/**
 * The shell around the engine: load → step → persist → run effects, in one transaction per turn,
 * so an accepted answer is committed before any reply is sent, and a repeated message id changes
 * nothing. The turns of one conversation run one at a time, also across instances sharing a
 * database (`lockConversation`). Channel adapters call `handle` and render the replies; the read
 * side (current, ask, export, resolve, ownWork) is `lookup`.
 */
export class ChatService {
  /** Finding reports and answering about them without a turn. */
  readonly lookup: ChatLookup;

  constructor(
    private readonly store: ReportRepository,
    private readonly engine: ChatEngine,
    private readonly newId: () => string,
    private readonly corpus: ChatCorpus | null = null,
    private readonly jobs: DeliveryJobRepository | null = null,
  ) {
    this.lookup = new ChatLookup(store, engine, corpus);
  }

  /**
   * The drafts this conversation asked for that were never handed over (the process stopped while
   * drafting): the adapter delivers them again when the conversation reopens.
   */
  async pendingDeliveries(conversationKey: string): Promise<Delivery[]> {
    return ((await this.jobs?.pending(conversationKey)) ?? []).map((j) => ({
      reportId: j.reportId,
      doc: j.doc as Json,
      jobId: j.id,
    }));
  }

  /** The drafts never handed over in every conversation whose key starts with `prefix`, with their keys. */
  async pendingDeliveriesUnder(prefix: string): Promise<{ conversationKey: string; delivery: Delivery }[]> {
    return ((await this.jobs?.pendingUnder(prefix)) ?? []).map((j) => ({
      conversationKey: j.conversationKey,
      delivery: { reportId: j.reportId, doc: j.doc as Json, jobId: j.id },
    }));
  }

  /** Marks a delivery handed over; its job is not done again. */
  async finishDelivery(delivery: Delivery, now: Date): Promise<void> {
    if (delivery.jobId !== undefined) await this.jobs?.finish(delivery.jobId, now);
  }

  /** One message: answered from the record when its id was handled before, else one committed turn. */
  async handle(message: IncomingMessage): Promise<TurnResult> {
    const id = message.messageId;
    if (message.action !== undefined && !TypedActionSchema.safeParse(message.action).success)
      return { replies: [UNREADABLE_ACTION], reportId: null, duplicate: false, deliveries: [] };
    // The check is inside the transaction, after the conversation's lock: two processes cannot both take the same message.
    return this.store.transaction(async () => {
      await this.store.lockConversation(message.conversationKey);
      const seen = id === null ? undefined : await this.store.getProcessedMessage(id);
      if (seen !== undefined)
        return { replies: seen.replies as Reply[], reportId: null, duplicate: true, deliveries: [] };
      const result = await this.turn(message);
      if (id !== null && message.resume !== true)
        await this.store.recordProcessedMessage({
          messageId: id,
          conversationKey: message.conversationKey,
          replies: result.replies,
          now: message.now,
        });
      return result;
    });
  }

  private async turn(message: IncomingMessage): Promise<TurnResult> {
    await this.store.ensureUser(message.userId, message.userName, message.now);
    const loaded = await this.lookup.load(message.conversationKey);
    const owned = loaded.conversation.reportId;
    // A shared place (a channel thread) is open to every member of the channel; the report in it is not.
    if (owned !== null && loaded.report !== null && !(await this.store.canAccess(owned, message.userId)))
      return {
        replies: [denied(message.userId)],
        reportId: null,
        duplicate: false,
        deliveries: [],
      };
    const state = { conversation: loaded.conversation, report: loaded.report };
    const action = message.action;
    const copies =
      action === undefined
        ? ((await this.corpus?.search(message.text, () =>
            this.lookup.ownWork(message.userId, owned, loaded.report),
          )) ?? [])
        : [];
    const input: EngineInput = {
      text: message.text,
      newReportId: this.newId(),
      resume: message.resume === true,
      copies,
      ...(action === undefined ? {} : { action }),
      // A pressed 继续填写 names its report: it is loaded before the turn, not asked for after.
      ...(action?.kind === "open-report"
        ? { opened: await this.lookup.opened(message.userId, action.ref) }
        : {}),
    };
    let result = this.engine.step(state, input, message.now);
    // 切换到报告 N typed: the engine names the report it needs once; it finishes the turn with it.
    if (result.needs !== undefined)
      result = this.engine.step(
        state,
        { ...input, opened: await this.lookup.opened(message.userId, result.needs.report) },
        message.now,
      );
    const replies: Reply[] = [...loaded.notes, ...result.replies];
    const deliveries: Delivery[] = [];
    const next = result.state;
    for (const effect of result.effects) {
      const out = await this.run(effect, message, next.report);
      replies.push(...out.replies);
      if (out.delivery !== undefined) {
        // Recorded in the turn's transaction: a crash while drafting leaves it pending, not lost.
        const jobId = await this.jobs?.add({
          conversationKey: message.conversationKey,
          reportId: out.delivery.reportId,
          doc: out.delivery.doc,
          now: message.now,
        });
        deliveries.push(jobId === undefined ? out.delivery : { ...out.delivery, jobId });
      }
    }
    const reportId = next.conversation.reportId;
    if (reportId !== null && next.report !== null) {
      // An unchanged draft the turn did not score keeps the columns saved with it.
      const summary = result.assessment?.summary ?? (await this.storedSummary(reportId));
      if (summary !== undefined)
        await this.store.saveReport({ id: reportId, doc: next.report, now: message.now, ...summary });
    }
    await this.store.saveConversation({
      key: message.conversationKey,
      userId: message.userId,
      reportId,
      state: next.conversation,
      now: message.now,
    });
    return { replies, reportId, duplicate: false, deliveries };
  }

  private async run(
    effect: Effect,
    message: IncomingMessage,
    doc: Json | null,
  ): Promise<{ replies: Reply[]; delivery?: Delivery }> {
    switch (effect.type) {
      case "create-report":
        await this.store.createReport({
          id: effect.reportId,
          createdBy: message.userId,
          doc: effect.doc,
          now: message.now,
        });
        await this.store.appendEvent({
          reportId: effect.reportId,
          userId: message.userId,
          messageId: message.messageId,
          at: message.now,
          kind: "create",
          summary: "新建报告",
          changes: [{ path: [], after: effect.doc }],
        });
        return { replies: [] };
      case "record":
        await this.store.appendEvent({
          reportId: effect.reportId,
          userId: message.userId,
          messageId: message.messageId,
          at: message.now,
          kind: effect.kind,
          summary: effect.summary,
          changes: effect.changes,
        });
        return { replies: [] };
      case "export":
        if (doc === null) return { replies: [] };
        if (message.queued === true && (await this.drafting(message.conversationKey, effect.reportId)))
          return { replies: [ALREADY_DRAFTING] };
        // A generated report joins the deployment's corpus, so later reports are compared with it.
        await this.corpus?.add(effect.reportId, doc, message.now);
        return { replies: [], delivery: { reportId: effect.reportId, doc } };
      case "list-reports":
        return { replies: [reportsTable((await this.store.listReports(message.userId)).map(listingOf))] };
    }
  }

  /** Whether a draft of `reportId` asked for in this conversation is still to be handed over. */
  private async drafting(conversationKey: string, reportId: string): Promise<boolean> {
    return ((await this.jobs?.pending(conversationKey)) ?? []).some((job) => job.reportId === reportId);
  }

  /** The listing columns saved with a report (for a turn that left it as it was). */
  private async storedSummary(id: string): Promise<Assessment["summary"] | undefined> {
    const row = await this.store.getReport(id);
    if (row === undefined) return undefined;
    const { unitName, year, kind, progressDone, progressTotal, score, grade } = row;
    return { unitName, year, kind, progressDone, progressTotal, score, grade };
  }
}

/** 生成报告 again while the report's draft is still being made (by a worker): no second job. */
export const ALREADY_DRAFTING: Reply = {
  type: "notice",
  level: "info",
  text: "这份报告正在生成中，生成好后会发到这里，不用再说“生成报告”。如果在那之后又修改了内容，请收到报告后再说一次“生成报告”。",
};

/** A pressed button whose content is not one ziping made (a bug or a forged payload). */
const UNREADABLE_ACTION: Reply = {
  type: "notice",
  level: "error",
  text: "这个按钮的内容无法读取，没有执行。请直接回复文字，例如“确认”或“切换到报告 1”。",
};
