import { readFileSync } from "node:fs";
import { join } from "node:path";
import { scriptMessages } from "../src/adapters/cli/chat-command.ts";
import { openApp } from "../src/app/open-app.ts";
import type { Report } from "../src/core/report.ts";
import type { Scheme } from "../src/scoring/scheme.ts";
import { score } from "../src/scoring/score.ts";

type Line = (figure: string, value: number, unit: string, extra?: Record<string, unknown>) => void;

const CONVERSATIONS = join(import.meta.dirname, "../fixtures/conversations");

/**
 * How many times the scorer runs per chat turn (engine and saving together), over the seed
 * conversation, through an injected counting scorer: the mean, and the most in one turn.
 */
export async function benchScoresPerTurn(line: Line, script = "seed-000.txt"): Promise<void> {
  const messages = scriptMessages(readFileSync(join(CONVERSATIONS, script), "utf8"));
  let runs = 0;
  const counting = (report: Report, scheme: Scheme) => {
    runs += 1;
    return score(report, scheme);
  };
  let n = 0;
  const app = openApp(":memory:", () => `r${++n}`, { scorer: counting });
  const perTurn: number[] = [];
  const now = new Date("2026-11-21T09:00:00Z");
  for (const [i, text] of messages.entries()) {
    const before = runs;
    await app.chat.handle({ conversationKey: "bench:scores", userId: "u1", messageId: `m${i}`, text, now });
    perTurn.push(runs - before);
  }
  app.close();
  const total = perTurn.reduce((a, b) => a + b, 0);
  line("scores_per_turn", total / perTurn.length, "runs", {
    max: Math.max(...perTurn),
    turns: perTurn.length,
    perTurn,
    script,
  });
}
