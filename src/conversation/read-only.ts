import type { EngineState } from "./conversation-state.ts";
import type { Intent } from "./intents.ts";
import { missingReplies, progressOf } from "./progress.ts";
import { type Reply, say } from "./replies.ts";
import { explainReplies, scoreReplies } from "./score-answers.ts";
import { slotsOf, type TurnContext } from "./turn-context.ts";

/** The read-only questions ("进度", "还差什么", "现在多少分", "为什么扣分", "怎样才能得优"). */
export const READ_ONLY: ReadonlySet<Intent["kind"]> = new Set([
  "progress",
  "missing",
  "score",
  "why",
  "howto",
]);

/** The answer to a read-only question about `state`'s report, without the next question. */
export function readOnlyReplies(ctx: TurnContext, state: EngineState, intent: Intent): Reply[] {
  const schemes = ctx.schemes;
  const got = () => ctx.grade(state.report);
  switch (intent.kind) {
    case "progress": {
      const p = progressOf(slotsOf(ctx, state.report));
      return [say(`已完成 ${p.done}/${p.total} 项。`)];
    }
    case "missing":
      return missingReplies(slotsOf(ctx, state.report), state.conversation);
    case "score":
      return scoreReplies(state.report, schemes, got());
    case "why":
      return explainReplies(state.report, schemes, undefined, got());
    case "howto":
      return explainReplies(state.report, schemes, intent.goal, got());
    default:
      return [];
  }
}
