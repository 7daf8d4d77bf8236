import { z } from "zod";

/**
 * What a pressed button or a chosen menu item means, carried as data so the engine takes it
 * directly: only typed text goes through the intent reader. `choose` is one of the choices the
 * last reply offered (a question's option, 确认/取消, 生成报告), by its value.
 */
export const TypedActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("open-report"), ref: z.string().trim().min(1).max(64) }),
  z.object({ kind: z.literal("list-reports") }),
  z.object({ kind: z.literal("new-report") }),
  z.object({ kind: z.literal("confirm") }),
  z.object({ kind: z.literal("cancel") }),
  z.object({ kind: z.literal("skip") }),
  z.object({ kind: z.literal("generate") }),
  z.object({ kind: z.literal("choose"), value: z.string().min(1).max(200) }),
]);

/** A button or menu choice as the engine takes it. */
export type TypedAction = z.infer<typeof TypedActionSchema>;

/** The words shown for an action in the conversation's record ("已选择：…", the processed-message log). */
export function actionWords(action: TypedAction): string {
  switch (action.kind) {
    case "open-report":
      return `切换到报告 ${action.ref}`;
    case "list-reports":
      return "我的报告";
    case "new-report":
      return "新建报告";
    case "confirm":
      return "确认";
    case "cancel":
      return "取消";
    case "skip":
      return "跳过";
    case "generate":
      return "生成报告";
    case "choose":
      return action.value;
  }
}
