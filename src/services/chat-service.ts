import {
  type ConversationState,
  ConversationStateSchema,
  initialConversation,
} from "../conversation/conversation-state.ts";
import type { Effect } from "../conversation/effects.ts";
import { notFoundText } from "../conversation/messages.ts";
import { getIn, type Json } from "../conversation/patch.ts";
import type { Reply } from "../conversation/replies.ts";
import type { Assessment, ChatEngine, EngineInput } from "../conversation/step.ts";
import { type TypedAction, TypedActionSchema } from "../conversation/typed-action.ts";
import type { DeliveryJobRepository, ReportRepository, ReportRow } from "../storage/index.ts";
import type { ChatCorpus, OwnWork } from "./chat-corpus.ts";
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
 * nothing. Channel adapters call `handle` and render the replies.
 */
export class ChatService {
  constructor(
    private readonly store: ReportRepository,
    private readonly engine: ChatEngine,
    private readonly newId: () => string,
    private readonly corpus: ChatCorpus | null = null,
    private readonly jobs: DeliveryJobRepository | null = null,
  ) {}

  /**
   * The drafts this conversation asked for that were never handed over (the process stopped while
   * drafting): the adapter delivers them again when the conversation reopens.
   */
  pendingDeliveries(conversationKey: string): Delivery[] {
    return (this.jobs?.pending(conversationKey) ?? []).map((j) => ({
      reportId: j.reportId,
      doc: j.doc as Json,
      jobId: j.id,
    }));
  }

  /** The drafts never handed over in every conversation whose key starts with `prefix`, with their keys. */
  pendingDeliveriesUnder(prefix: string): { conversationKey: string; delivery: Delivery }[] {
    return (this.jobs?.pendingUnder(prefix) ?? []).map((j) => ({
      conversationKey: j.conversationKey,
      delivery: { reportId: j.reportId, doc: j.doc as Json, jobId: j.id },
    }));
  }

  /** Marks a delivery handed over; its job is not done again. */
  finishDelivery(delivery: Delivery, now: Date): void {
    if (delivery.jobId !== undefined) this.jobs?.finish(delivery.jobId, now);
  }

  handle(message: IncomingMessage): TurnResult {
    const id = message.messageId;
    if (message.action !== undefined && !TypedActionSchema.safeParse(message.action).success)
      return { replies: [UNREADABLE_ACTION], reportId: null, duplicate: false, deliveries: [] };
    // The check is inside the (immediate) transaction, so two processes cannot both take the same message.
    return this.store.transaction(() => {
      const seen = id === null ? undefined : this.store.getProcessedMessage(id);
      if (seen !== undefined)
        return { replies: seen.replies as Reply[], reportId: null, duplicate: true, deliveries: [] };
      const result = this.turn(message);
      if (id !== null && message.resume !== true)
        this.store.recordProcessedMessage({
          messageId: id,
          conversationKey: message.conversationKey,
          replies: result.replies,
          now: message.now,
        });
      return result;
    });
  }

  private load(key: string): { conversation: ConversationState; report: Json | null; notes: Reply[] } {
    const row = this.store.getConversation(key);
    if (row === undefined) return { conversation: initialConversation(), report: null, notes: [] };
    const parsed = ConversationStateSchema.safeParse(row.state);
    if (!parsed.success)
      return {
        conversation: { ...initialConversation(), reportId: row.reportId },
        report:
          row.reportId === null
            ? null
            : ((this.store.getReport(row.reportId)?.doc as Json | undefined) ?? null),
        notes: [
          { type: "notice", level: "warn", text: "对话状态无法读取，已从报告数据恢复；已填写的内容都在。" },
        ],
      };
    const conversation = parsed.data as ConversationState;
    const report =
      conversation.reportId === null
        ? null
        : ((this.store.getReport(conversation.reportId)?.doc as Json | undefined) ?? null);
    return { conversation, report, notes: [] };
  }

  /**
   * Where a conversation stands, changing nothing: its report and whether a confirmation is
   * waiting. A report the user may not access reads as none, with `denied` and the reason to show.
   */
  current(
    conversationKey: string,
    userId: string,
  ): { reportId: string | null; doc: Json | null; pending: boolean; denied: Reply | null } {
    const loaded = this.load(conversationKey);
    const reportId = loaded.conversation.reportId;
    if (reportId !== null && !this.store.canAccess(reportId, userId))
      return { reportId: null, doc: null, pending: false, denied: denied(userId) };
    if (reportId === null) return { reportId: null, doc: null, pending: false, denied: null };
    return { reportId, doc: loaded.report, pending: loaded.conversation.pending !== null, denied: null };
  }

  /**
   * Answers each of `texts` ("现在多少分", "为什么扣分", "还差什么") about a report, without changing
   * anything: the report by number or id (`ref`), else the conversation's own; the engine's replies
   * minus its next question. A report the user may not access is answered like a missing one.
   */
  ask(query: {
    conversationKey: string;
    userId: string;
    ref: string | null;
    texts: readonly string[];
    now: Date;
  }): Reply[] {
    const found = this.resolve(query.conversationKey, query.userId, query.ref);
    if (!found.ok) return [found.reply];
    const state = { conversation: { ...initialConversation(), reportId: found.id }, report: found.doc };
    return query.texts.flatMap((text) => this.engine.read(state, text));
  }

  /**
   * A report to deliver (draft and hand over) by number or id, else the conversation's own, with
   * the same access rule as every other path; like 生成报告 it joins the deployment's corpus.
   */
  export(query: {
    conversationKey: string;
    userId: string;
    ref: string | null;
    now: Date;
  }): { ok: true; delivery: Delivery } | { ok: false; reply: Reply } {
    const found = this.resolve(query.conversationKey, query.userId, query.ref);
    if (!found.ok) return found;
    this.corpus?.add(found.id, found.doc, query.now);
    return { ok: true, delivery: { reportId: found.id, doc: found.doc } };
  }

  /**
   * A report the user may access, by list number or id (`ref`), else the conversation's current
   * one. A report the user may not access is answered exactly like one that does not exist, so ids
   * of other units cannot be probed.
   */
  resolve(
    conversationKey: string,
    userId: string,
    ref: string | null,
  ): { ok: true; id: string; doc: Json } | { ok: false; reply: Reply } {
    if (ref === null) {
      const now = this.current(conversationKey, userId);
      if (now.denied !== null) return { ok: false, reply: now.denied };
      if (now.reportId === null || now.doc === null)
        return {
          ok: false,
          reply: {
            type: "notice",
            level: "error",
            text: "这里还没有在填写的报告。先说“新建报告”，或用“我的报告”选择一份。",
          },
        };
      return { ok: true, id: now.reportId, doc: now.doc };
    }
    const row = this.findReport(userId, ref);
    if (row === undefined) return { ok: false, reply: notFound(ref) };
    return { ok: true, id: row.id, doc: row.doc as Json };
  }

  /** A report by its number in the user's list or by id; listReports and canAccess apply one rule. */
  private findReport(userId: string, ref: string): ReportRow | undefined {
    const n = Number(ref);
    if (Number.isInteger(n) && n >= 1) return this.store.listReports(userId)[n - 1];
    const row = this.store.getReport(ref);
    return row !== undefined && this.store.canAccess(row.id, userId) ? row : undefined;
  }

  /**
   * What the copy search must never name as a source for this user: every report they or the
   * owner of `reportId` can open (and `reportId` itself) and every unit name those were saved under.
   */
  ownWork(userId: string, reportId: string | null = null, doc: Json | null = null): OwnWork {
    // The report's owner too: a colleague typing in the owner's thread must not see the owner's
    // earlier attempts named as sources either.
    const owner = reportId === null ? undefined : this.store.getReport(reportId)?.createdBy;
    const users = owner === undefined || owner === userId ? [userId] : [userId, owner];
    const rows = users.flatMap((u) => this.store.listReports(u));
    const unit = getIn(doc ?? {}, ["unit", "name"]);
    const names = [...rows.map((r) => r.unitName), typeof unit === "string" ? unit : null];
    return {
      reportIds: [...new Set([...rows.map((r) => r.id), ...(reportId === null ? [] : [reportId])])],
      agencies: [...new Set(names.filter((n): n is string => n !== null && n.trim() !== ""))],
    };
  }

  private turn(message: IncomingMessage): TurnResult {
    this.store.ensureUser(message.userId, message.userName, message.now);
    const loaded = this.load(message.conversationKey);
    const owned = loaded.conversation.reportId;
    // A shared place (a channel thread) is open to every member of the channel; the report in it is not.
    if (owned !== null && loaded.report !== null && !this.store.canAccess(owned, message.userId))
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
        ? (this.corpus?.search(message.text, () => this.ownWork(message.userId, owned, loaded.report)) ?? [])
        : [];
    const input: EngineInput = {
      text: message.text,
      newReportId: this.newId(),
      resume: message.resume === true,
      copies,
      ...(action === undefined ? {} : { action }),
      // A pressed 继续填写 names its report: it is loaded before the turn, not asked for after.
      ...(action?.kind === "open-report" ? { opened: this.opened(message.userId, action.ref) } : {}),
    };
    let result = this.engine.step(state, input, message.now);
    // 切换到报告 N typed: the engine names the report it needs once; it finishes the turn with it.
    if (result.needs !== undefined)
      result = this.engine.step(
        state,
        { ...input, opened: this.opened(message.userId, result.needs.report) },
        message.now,
      );
    const replies: Reply[] = [...loaded.notes, ...result.replies];
    const deliveries: Delivery[] = [];
    const next = result.state;
    for (const effect of result.effects) {
      const out = this.run(effect, message, next.report);
      replies.push(...out.replies);
      if (out.delivery !== undefined) {
        // Recorded in the turn's transaction: a crash while drafting leaves it pending, not lost.
        const jobId = this.jobs?.add({
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
      const summary = result.assessment?.summary ?? this.storedSummary(reportId);
      if (summary !== undefined)
        this.store.saveReport({ id: reportId, doc: next.report, now: message.now, ...summary });
    }
    this.store.saveConversation({
      key: message.conversationKey,
      userId: message.userId,
      reportId,
      state: next.conversation,
      now: message.now,
    });
    return { replies, reportId, duplicate: false, deliveries };
  }

  /** The report `ref` names, as the engine takes it when opening it: null when the user may not open it. */
  private opened(userId: string, ref: string): NonNullable<EngineInput["opened"]> {
    const row = this.findReport(userId, ref);
    return { ref, report: row === undefined ? null : { id: row.id, doc: row.doc as Json } };
  }

  private run(
    effect: Effect,
    message: IncomingMessage,
    doc: Json | null,
  ): { replies: Reply[]; delivery?: Delivery } {
    switch (effect.type) {
      case "create-report":
        this.store.createReport({
          id: effect.reportId,
          createdBy: message.userId,
          doc: effect.doc,
          now: message.now,
        });
        this.store.appendEvent({
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
        this.store.appendEvent({
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
        // A generated report joins the deployment's corpus, so later reports are compared with it.
        this.corpus?.add(effect.reportId, doc, message.now);
        return { replies: [], delivery: { reportId: effect.reportId, doc } };
      case "list-reports":
        return { replies: [reportsTable(this.store.listReports(message.userId).map(listingOf))] };
    }
  }

  /** The listing columns saved with a report (for a turn that left it as it was). */
  private storedSummary(id: string): Assessment["summary"] | undefined {
    const row = this.store.getReport(id);
    if (row === undefined) return undefined;
    const { unitName, year, kind, progressDone, progressTotal, score, grade } = row;
    return { unitName, year, kind, progressDone, progressTotal, score, grade };
  }
}

/** The refusal in a shared place whose report belongs to a unit the user is not in; names their id for the administrator. */
function denied(userId: string): Reply {
  return {
    type: "notice",
    level: "error",
    text: `这份报告属于您不在其中的单位，您不能查看或修改。如需协作，请管理员为您授权：ziping units add 〈单位名称〉 ${userId}`,
  };
}

/** The same answer for a report that does not exist and one of another unit. */
function notFound(ref: string): Reply {
  return { type: "notice", level: "error", text: notFoundText(ref) };
}

/** A pressed button whose content is not one ziping made (a bug or a forged payload). */
const UNREADABLE_ACTION: Reply = {
  type: "notice",
  level: "error",
  text: "这个按钮的内容无法读取，没有执行。请直接回复文字，例如“确认”或“切换到报告 1”。",
};
