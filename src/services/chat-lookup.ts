import {
  type ConversationState,
  ConversationStateSchema,
  initialConversation,
} from "../conversation/conversation-state.ts";
import { notFoundText } from "../conversation/messages.ts";
import { getIn, type Json } from "../conversation/patch.ts";
import type { Reply } from "../conversation/replies.ts";
import type { ChatEngine, EngineInput } from "../conversation/step.ts";
import type { ReportRepository, ReportRow } from "../storage/index.ts";
import type { ChatCorpus, OwnWork } from "./chat-corpus.ts";
import type { Delivery } from "./chat-service.ts";

/** A conversation as a turn starts from it: its state, its report, and notes to show first. */
export interface LoadedConversation {
  conversation: ConversationState;
  report: Json | null;
  notes: Reply[];
}

/** Where a conversation stands (see {@link ChatLookup.current}). */
export interface CurrentReport {
  reportId: string | null;
  doc: Json | null;
  pending: boolean;
  denied: Reply | null;
}

/** A report found for a user, or the reply saying it was not. */
export type Resolved = { ok: true; id: string; doc: Json } | { ok: false; reply: Reply };

/**
 * The read side of the chat: loading a conversation, finding the report a user names, answering
 * questions about it and what the copy search must leave out. Nothing here writes, except `export`
 * adding a generated report to the corpus, as 生成报告 does.
 */
export class ChatLookup {
  constructor(
    private readonly store: ReportRepository,
    private readonly engine: ChatEngine,
    private readonly corpus: ChatCorpus | null,
  ) {}

  /** The saved conversation with its report; an unreadable state is rebuilt from the report with a note. */
  async load(key: string): Promise<LoadedConversation> {
    const row = await this.store.getConversation(key);
    if (row === undefined) return { conversation: initialConversation(), report: null, notes: [] };
    const parsed = ConversationStateSchema.safeParse(row.state);
    if (!parsed.success)
      return {
        conversation: { ...initialConversation(), reportId: row.reportId },
        report: await this.doc(row.reportId),
        notes: [
          { type: "notice", level: "warn", text: "对话状态无法读取，已从报告数据恢复；已填写的内容都在。" },
        ],
      };
    const conversation = parsed.data as ConversationState;
    return { conversation, report: await this.doc(conversation.reportId), notes: [] };
  }

  private async doc(reportId: string | null): Promise<Json | null> {
    if (reportId === null) return null;
    return ((await this.store.getReport(reportId))?.doc as Json | undefined) ?? null;
  }

  /**
   * Where a conversation stands, changing nothing: its report and whether a confirmation is
   * waiting. A report the user may not access reads as none, with `denied` and the reason to show.
   */
  async current(conversationKey: string, userId: string): Promise<CurrentReport> {
    const loaded = await this.load(conversationKey);
    const reportId = loaded.conversation.reportId;
    if (reportId !== null && !(await this.store.canAccess(reportId, userId)))
      return { reportId: null, doc: null, pending: false, denied: denied(userId) };
    if (reportId === null) return { reportId: null, doc: null, pending: false, denied: null };
    return { reportId, doc: loaded.report, pending: loaded.conversation.pending !== null, denied: null };
  }

  /**
   * Answers each of `texts` ("现在多少分", "为什么扣分", "还差什么") about a report, without changing
   * anything: the report by number or id (`ref`), else the conversation's own; the engine's replies
   * minus its next question. A report the user may not access is answered like a missing one.
   */
  async ask(query: {
    conversationKey: string;
    userId: string;
    ref: string | null;
    texts: readonly string[];
    now: Date;
  }): Promise<Reply[]> {
    const found = await this.resolve(query.conversationKey, query.userId, query.ref);
    if (!found.ok) return [found.reply];
    const state = { conversation: { ...initialConversation(), reportId: found.id }, report: found.doc };
    return query.texts.flatMap((text) => this.engine.read(state, text));
  }

  /**
   * A report to deliver (draft and hand over) by number or id, else the conversation's own, with
   * the same access rule as every other path; like 生成报告 it joins the deployment's corpus.
   */
  async export(query: {
    conversationKey: string;
    userId: string;
    ref: string | null;
    now: Date;
  }): Promise<{ ok: true; delivery: Delivery } | { ok: false; reply: Reply }> {
    const found = await this.resolve(query.conversationKey, query.userId, query.ref);
    if (!found.ok) return found;
    await this.corpus?.add(found.id, found.doc, query.now);
    return { ok: true, delivery: { reportId: found.id, doc: found.doc } };
  }

  /**
   * A report the user may access, by list number or id (`ref`), else the conversation's current
   * one. A report the user may not access is answered exactly like one that does not exist, so ids
   * of other units cannot be probed.
   */
  async resolve(conversationKey: string, userId: string, ref: string | null): Promise<Resolved> {
    if (ref === null) {
      const now = await this.current(conversationKey, userId);
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
    const row = await this.findReport(userId, ref);
    if (row === undefined) return { ok: false, reply: notFound(ref) };
    return { ok: true, id: row.id, doc: row.doc as Json };
  }

  /** A report by its number in the user's list or by id; listReports and canAccess apply one rule. */
  async findReport(userId: string, ref: string): Promise<ReportRow | undefined> {
    const n = Number(ref);
    if (Number.isInteger(n) && n >= 1) return (await this.store.listReports(userId))[n - 1];
    const row = await this.store.getReport(ref);
    return row !== undefined && (await this.store.canAccess(row.id, userId)) ? row : undefined;
  }

  /** The report `ref` names, as the engine takes it when opening it: null when the user may not open it. */
  async opened(userId: string, ref: string): Promise<NonNullable<EngineInput["opened"]>> {
    const row = await this.findReport(userId, ref);
    return { ref, report: row === undefined ? null : { id: row.id, doc: row.doc as Json } };
  }

  /**
   * What the copy search must never name as a source for this user: every report they or the
   * owner of `reportId` can open (and `reportId` itself) and every unit name those were saved under.
   */
  async ownWork(userId: string, reportId: string | null = null, doc: Json | null = null): Promise<OwnWork> {
    // The report's owner too: a colleague typing in the owner's thread must not see the owner's
    // earlier attempts named as sources either.
    const owner = reportId === null ? undefined : (await this.store.getReport(reportId))?.createdBy;
    const users = owner === undefined || owner === userId ? [userId] : [userId, owner];
    const rows: ReportRow[] = [];
    for (const u of users) rows.push(...(await this.store.listReports(u)));
    const unit = getIn(doc ?? {}, ["unit", "name"]);
    const names = [...rows.map((r) => r.unitName), typeof unit === "string" ? unit : null];
    return {
      reportIds: [...new Set([...rows.map((r) => r.id), ...(reportId === null ? [] : [reportId])])],
      agencies: [...new Set(names.filter((n): n is string => n !== null && n.trim() !== ""))],
    };
  }
}

/** The refusal in a shared place whose report belongs to a unit the user is not in; names their id for the administrator. */
export function denied(userId: string): Reply {
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
