import { z } from "zod";
import { fail, ok, type Result } from "../core/result.ts";
import type { SectionId } from "../core/sections.ts";
import { describeIssues } from "../core/validation.ts";

/** Name of the structured output, as `response_format.json_schema.name`. */
export const DRAFT_OUTPUT_NAME = "section_draft";

/**
 * The object the model must return: one entry per requested section, its text as paragraphs.
 * Minimal on purpose (no lengths, no optional fields) so strict json_schema mode of any
 * OpenAI-compatible provider accepts it; emptiness and figures are checked after parsing.
 */
function draftOutputSchema(ids: readonly SectionId[]) {
  return z.strictObject({
    sections: z.array(
      z.strictObject({
        id: z.enum(ids as [SectionId, ...SectionId[]]),
        paragraphs: z.array(z.string()),
      }),
    ),
  });
}
export type DraftOutput = z.infer<ReturnType<typeof draftOutputSchema>>;

/** The JSON Schema of `draftOutputSchema(ids)`: no $ref, additionalProperties false, every field required. */
export function draftOutputJsonSchema(ids: readonly SectionId[]): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(draftOutputSchema(ids), { target: "draft-7" });
  return schema;
}

/** A model reply with its Markdown code fence (```json … ```) or chatter around the object removed. */
function jsonText(content: string): string {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content);
  const body = (fenced?.[1] ?? content).trim();
  const start = body.indexOf("{");
  const end = body.lastIndexOf("}");
  return start >= 0 && end > start ? body.slice(start, end + 1) : body;
}

/**
 * Parses and validates a model reply against the schema for `ids`. The failure message is a
 * Chinese list (one line per problem) that goes back to the model in the repair turn.
 */
export function parseDraftOutput(content: string | null, ids: readonly SectionId[]): Result<DraftOutput> {
  if (content === null || content.trim() === "") {
    return fail("draft.empty_reply", "回复为空：没有返回任何内容。");
  }
  let data: unknown;
  try {
    data = JSON.parse(jsonText(content));
  } catch {
    return fail("draft.bad_json", "回复不是合法的 JSON 对象：只输出一个 JSON 对象，不要附加说明文字。");
  }
  const parsed = draftOutputSchema(ids).safeParse(data);
  if (!parsed.success) {
    const lines = describeIssues(parsed.error.issues);
    return fail("draft.bad_shape", `回复的 JSON 结构不符合要求：${lines.join("；")}。`);
  }
  return ok(parsed.data);
}
