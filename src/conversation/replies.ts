/**
 * What the engine says, as data. Each adapter (terminal, Slack, IM) renders these its own way; the
 * engine never formats for a channel.
 */

/** One option of a choice question; `value` is what the adapter sends back when it is picked. */
export interface Choice {
  label: string;
  value: string;
}

/** 已完成 done/total 项. */
export interface Progress {
  done: number;
  total: number;
}

export type Reply =
  /** Plain information. */
  | { type: "text"; text: string }
  /** Something the officer should look at: a rejected answer, a contradiction. */
  | { type: "notice"; level: "error" | "warn" | "info"; field?: string; text: string }
  /** A compact table: confirmation of a paste, the progress list, the score table. */
  | { type: "table"; title: string; columns: string[]; rows: string[][]; note?: string }
  /** The one question the engine is waiting for, with an example answer and progress. */
  | {
      type: "question";
      slot: string;
      field: string;
      text: string;
      example?: string;
      progress: Progress;
      choices?: Choice[];
    }
  /** A yes/no confirmation before something is saved or destroyed. */
  | { type: "confirm"; text: string; choices: Choice[] };

/** Shorthand for a text reply. */
export function say(text: string): Reply {
  return { type: "text", text };
}

/** Shorthand for a notice reply. */
export function notice(level: "error" | "warn" | "info", text: string, field?: string): Reply {
  return field === undefined ? { type: "notice", level, text } : { type: "notice", level, text, field };
}
