import { z } from "zod";
import type { Choice } from "../../conversation/replies.ts";
import type { TypedAction } from "../../conversation/typed-action.ts";

/**
 * A WeCom template card as ziping sends it (button_interaction: a title and up to six buttons),
 * and what a button carries back. The same card shape goes out over the AI bot's socket and the
 * server API; a click comes back as template_card_event with the button's key and the card's task_id.
 */
export interface WeComCard {
  card_type: "button_interaction";
  main_title: { title: string; desc?: string };
  sub_title_text?: string;
  button_list: { text: string; style: number; key: string }[];
  task_id: string;
}

/** WeCom shows at most six buttons on a card. */
const MAX_BUTTONS = 6;
/** A button key is at most 1024 bytes. */
const MAX_KEY_BYTES = 1024;

/** What a button's key holds: its conversation (`k`), what it does (`a`) and a choice's value (`v`). */
const CardKeySchema = z.object({
  k: z.string().min(1),
  a: z.enum(["confirm", "skip", "choose", "done"]),
  v: z.string().min(1).max(200).optional(),
});
type CardKey = z.infer<typeof CardKeySchema>;

function encodeKey(key: CardKey): string {
  const text = JSON.stringify(key);
  if (Buffer.byteLength(text) > MAX_KEY_BYTES)
    throw new Error(
      `bug: card button key is ${Buffer.byteLength(text)} bytes, WeCom allows ${MAX_KEY_BYTES}`,
    );
  return text;
}

/** A pressed button read back: its conversation and the typed action; null when ziping did not make it (or it is the "done" button). */
export function decodeCardKey(text: string): { conversation: string; action: TypedAction } | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = CardKeySchema.safeParse(json);
  if (!parsed.success) return null;
  const { k, a, v } = parsed.data;
  if (a === "confirm") return { conversation: k, action: { kind: "confirm" } };
  if (a === "skip") return { conversation: k, action: { kind: "skip" } };
  if (a === "choose" && v !== undefined) return { conversation: k, action: { kind: "choose", value: v } };
  return null;
}

/**
 * The buttons of a question (its choices, then 跳过) or of a confirmation (确认 first and
 * highlighted, then the other choices), as a card titled `title` under conversation `k`.
 */
export function choiceCard(
  title: string,
  choices: readonly Choice[],
  k: string,
  taskId: string,
  options: { desc?: string; skip?: boolean } = {},
): WeComCard {
  const buttons = choices.map((c) =>
    c.value === "确认"
      ? { text: c.label, style: 1, key: encodeKey({ k, a: "confirm" }) }
      : { text: c.label, style: 2, key: encodeKey({ k, a: "choose", v: c.value }) },
  );
  const ordered = [...buttons.filter((b) => b.style === 1), ...buttons.filter((b) => b.style !== 1)];
  const kept = ordered.slice(0, options.skip === true ? MAX_BUTTONS - 1 : MAX_BUTTONS);
  if (options.skip === true) kept.push({ text: "跳过", style: 2, key: encodeKey({ k, a: "skip" }) });
  return {
    card_type: "button_interaction",
    main_title: options.desc === undefined ? { title } : { title, desc: options.desc },
    button_list: kept,
    task_id: taskId,
  };
}

/** The card a click turns into (for the one who clicked): what they chose, and no live buttons. */
export function chosenCard(taskId: string, words: string, k: string): WeComCard {
  return {
    card_type: "button_interaction",
    main_title: { title: "已收到您的选择" },
    sub_title_text: `已选择：${words}`,
    button_list: [{ text: `已选择：${words}`.slice(0, 10), style: 2, key: encodeKey({ k, a: "done" }) }],
    task_id: taskId,
  };
}
