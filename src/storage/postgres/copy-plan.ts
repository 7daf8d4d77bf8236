import { RECOUNT_DOCUMENTS } from "./pg-corpus-store.ts";

/** One table copied from SQLite to PostgreSQL: its columns in PostgreSQL's types, and which rows. */
export interface TableCopy {
  /** The SQLite table. */
  source: string;
  /** The PostgreSQL table (the same name, except event claims: slack_events → inbound_events). */
  target: string;
  /** What the rows are, for people (报告, 事件…). */
  label: string;
  /** Column name and PostgreSQL type; SQLite's TEXT times and JSON become timestamptz and json. */
  columns: readonly (readonly [string, string])[];
  /** A SQLite condition on the rows copied, with named parameters (@messagesSince, @eventsSince). */
  where?: string;
  order: string;
  /** Rows per INSERT: fewer for tables of whole documents. */
  batch: number;
  /** Sent by COPY instead of INSERTs (a large table of integer columns only). */
  copy?: boolean;
  /** An identity column whose sequence continues after the copied ids. */
  identity?: string;
  /** A statement run after the rows are copied, in the same transaction (a stored count). */
  after?: string;
}

/** Tables copied in one transaction: all of them or none. */
interface TableGroup {
  label: string;
  tables: readonly TableCopy[];
}

const T = "text";
const INT = "integer";
const TIME = "timestamptz";
const JSON_TYPE = "json";

/**
 * What `ziping migrate` copies, in the order foreign keys need. Processed messages and event claims
 * only within their retention window (older ones would be pruned at the next start anyway), and
 * deliveries only while pending or running (a finished or failed one is history the officer already has). The
 * boilerplate hashes are not copied: opening PostgreSQL writes them from this build's list.
 */
export const TABLE_GROUPS: readonly TableGroup[] = [
  {
    label: "报告、成员、事件日志、会话和单位",
    tables: [
      {
        source: "users",
        target: "users",
        label: "用户",
        columns: [
          ["id", T],
          ["display_name", T],
          ["created_at", TIME],
        ],
        order: "rowid",
        batch: 2000,
      },
      {
        source: "reports",
        target: "reports",
        label: "报告",
        columns: [
          ["id", T],
          ["unit_name", T],
          ["year", INT],
          ["kind", T],
          ["doc", JSON_TYPE],
          ["progress_done", INT],
          ["progress_total", INT],
          ["score", "double precision"],
          ["grade", T],
          ["created_by", T],
          ["created_at", TIME],
          ["updated_at", TIME],
        ],
        order: "rowid",
        batch: 200,
      },
      {
        source: "report_members",
        target: "report_members",
        label: "报告成员",
        columns: [
          ["report_id", T],
          ["user_id", T],
          ["role", T],
        ],
        order: "rowid",
        batch: 2000,
      },
      {
        source: "events",
        target: "events",
        label: "事件",
        columns: [
          ["report_id", T],
          ["seq", INT],
          ["user_id", T],
          ["message_id", T],
          ["at", TIME],
          ["kind", T],
          ["summary", T],
          ["changes", JSON_TYPE],
        ],
        order: "report_id, seq",
        batch: 1000,
      },
      {
        source: "conversations",
        target: "conversations",
        label: "会话",
        columns: [
          ["key", T],
          ["user_id", T],
          ["report_id", T],
          ["state", JSON_TYPE],
          ["updated_at", TIME],
        ],
        order: "rowid",
        batch: 500,
      },
      {
        source: "unit_members",
        target: "unit_members",
        label: "单位成员",
        columns: [
          ["unit_name", T],
          ["user_id", T],
          ["role", T],
          ["added_at", TIME],
        ],
        order: "rowid",
        batch: 2000,
      },
    ],
  },
  {
    label: "已处理的消息和平台事件",
    tables: [
      {
        source: "processed_messages",
        target: "processed_messages",
        label: "已处理消息（保留期内）",
        columns: [
          ["message_id", T],
          ["conversation_key", T],
          ["replies", JSON_TYPE],
          ["at", TIME],
          ["answered_at", TIME],
        ],
        where: "at >= @messagesSince",
        order: "at, message_id",
        batch: 1000,
      },
      {
        source: "slack_events",
        target: "inbound_events",
        label: "平台事件（保留期内）",
        columns: [
          ["event_id", T],
          ["received_at", TIME],
        ],
        where: "received_at >= @eventsSince",
        order: "received_at, event_id",
        batch: 5000,
      },
    ],
  },
  {
    label: "待交付的报告",
    tables: [
      {
        source: "deliveries",
        target: "deliveries",
        label: "待交付",
        columns: [
          ["id", INT],
          ["conversation_key", T],
          ["report_id", T],
          ["doc", JSON_TYPE],
          ["requested_at", TIME],
          ["done_at", TIME],
          ["state", T],
          ["attempts", INT],
          ["next_run_at", TIME],
          ["locked_by", T],
          ["locked_until", TIME],
          ["last_error", T],
          ["notice_ref", T],
        ],
        // Jobs still to run (a running one keeps its lease: it expires and another instance retries it).
        where: "state IN ('pending', 'running')",
        order: "id",
        batch: 200,
        identity: "id",
      },
    ],
  },
  {
    label: "模型调用记录",
    tables: [
      {
        source: "llm_calls",
        target: "llm_calls",
        label: "模型调用",
        columns: [
          ["id", INT],
          ["report_id", T],
          ["family", T],
          ["model", T],
          ["prompt_hash", T],
          ["prompt_tokens", INT],
          ["completion_tokens", INT],
          ["latency_ms", INT],
          ["outcome", T],
          ["detail", T],
          ["attempt", INT],
          ["at", TIME],
        ],
        order: "id",
        batch: 2000,
        identity: "id",
      },
    ],
  },
  {
    label: "抄袭比对语料库",
    tables: [
      {
        source: "corpus_documents",
        target: "corpus_documents",
        label: "语料库文档",
        columns: [
          ["id", INT],
          ["agency", T],
          ["year", INT],
          ["title", T],
          ["source", T],
          ["kind", T],
          ["content_hash", T],
          ["text", T],
          ["added_at", TIME],
        ],
        order: "id",
        batch: 100,
        identity: "id",
        after: RECOUNT_DOCUMENTS,
      },
      {
        source: "corpus_prints",
        target: "corpus_prints",
        label: "语料库指纹",
        columns: [
          ["hash", INT],
          ["doc_id", INT],
          ["pos", INT],
        ],
        order: "hash, doc_id, pos",
        batch: 20_000,
        copy: true,
      },
    ],
  },
];
