import { z } from "zod";

/**
 * What a button carries back to ziping: the conversation it belongs to (`k`), the text to send as
 * if typed (`t`), whether the 修改 form was opened from a confirmation (`confirmFirst`), and the
 * report a Home tab button is about (`r`).
 */
export const ActionValueSchema = z.object({
  k: z.string().min(1),
  t: z.string().optional(),
  confirmFirst: z.boolean().optional(),
  r: z.string().optional(),
});

/** A button's value, decoded. */
export type ActionValue = z.infer<typeof ActionValueSchema>;

/** Slack's limit on a button's value. */
export const MAX_ACTION_VALUE = 2000;

/** The value to put on a button; throws (a bug) when it would be longer than Slack accepts. */
export function encodeAction(v: ActionValue): string {
  const ordered: ActionValue = { k: v.k };
  if (v.t !== undefined) ordered.t = v.t;
  if (v.confirmFirst !== undefined) ordered.confirmFirst = v.confirmFirst;
  if (v.r !== undefined) ordered.r = v.r;
  const value = JSON.stringify(ordered);
  if (value.length > MAX_ACTION_VALUE)
    throw new Error(`bug: button value is ${value.length} characters, Slack allows ${MAX_ACTION_VALUE}`);
  return value;
}

/** A button's value read back from a Slack payload; null when it is not one ziping made. */
export function decodeAction(s: string): ActionValue | null {
  let json: unknown;
  try {
    json = JSON.parse(s);
  } catch {
    return null;
  }
  const parsed = ActionValueSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
