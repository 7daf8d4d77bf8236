import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { DEFAULT_KEEP_MESSAGE_DAYS } from "../../services/retention.ts";
import type { Ziping } from "../../services/ziping.ts";
import { ChatSession } from "./chat-session.ts";
import { type CliIo, EXIT } from "./output.ts";

/** Options of `ziping chat`. */
export interface ChatOptions {
  user: string;
  script?: string;
  /** Milliseconds to wait between scripted messages (demos; the SIGKILL test). */
  delay?: number;
  outDir: string;
  /** Handled message ids older than this many days are forgotten at start (default 30). */
  keepMessageDays?: number;
  /** The time of each message and of the start-up pruning (tests fix it). */
  clock?: () => Date;
}

/** Splits a script into messages: blocks separated by lines containing only `---`. */
export function scriptMessages(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/^---[ \t]*$/m)
    .map((m) => m.trim())
    .filter((m) => m !== "");
}

/**
 * The id of the n-th message (from 1) of a script played by `user`: the same file replayed by the
 * same user after a crash sends only what is missing, and another user's replay is their own.
 */
export function scriptMessageId(user: string, file: string, n: number): string {
  return `script:${user}:${file}:${n}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `ziping chat`: the terminal conversation. With --script it plays a file of messages (ids derived
 * from the user, the file name and position, so replaying a script after a crash only sends what is missing).
 */
export async function chatCommand(io: CliIo, ziping: Ziping, options: ChatOptions): Promise<number> {
  let script: string[] | undefined;
  if (options.script !== undefined) {
    try {
      script = scriptMessages(readFileSync(options.script, "utf8"));
    } catch (e) {
      io.err(
        `无法读取对话脚本 ${options.script}：${(e as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在" : (e as Error).message}`,
      );
      return EXIT.badInput;
    }
  }
  const clock = options.clock ?? (() => new Date());
  await ziping.pruneHandledMessages(clock(), options.keepMessageDays ?? DEFAULT_KEEP_MESSAGE_DAYS);
  const session = new ChatSession(ziping, io, options.user, options.outDir, clock);
  if (script !== undefined) {
    const name = basename(options.script ?? "script");
    await session.resume();
    await session.finishPending();
    for (const [i, text] of script.entries()) {
      if (options.delay !== undefined && options.delay > 0) await sleep(options.delay);
      io.out(`\n>>> [${i + 1}/${script.length}] ${options.user}：\n${text}\n`);
      io.out("ziping：");
      await session.send(text, scriptMessageId(options.user, name, i + 1));
    }
    return EXIT.ok;
  }
  const model = ziping.model;
  io.out(
    model === undefined
      ? "“生成报告”将用确定性规则起草（未配置模型；配置方法见 README“Drafting with an LLM”）。"
      : `“生成报告”将请模型 ${model} 起草叙述部分，数字由 ziping 按数据填入并核验。`,
  );
  await interactive(session, io, options.user);
  return EXIT.ok;
}

/**
 * Reads the terminal line by line. Lines that arrive together (a paste from Excel or Word) form one
 * message; so does a block between two lines of `"""`.
 */
async function interactive(session: ChatSession, io: CliIo, user: string): Promise<void> {
  io.out(`ziping 终端对话（用户：${user}）。粘贴多行表格会作为一条消息；输入“退出”结束，数据已自动保存。\n`);
  await session.resume();
  await session.finishPending();
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY === true,
  });
  const prompt = () => process.stdout.write("\n您：");
  let buffer: string[] = [];
  let block = false;
  let timer: NodeJS.Timeout | undefined;
  let counter = 0;
  // Messages are handled one at a time, in order, even while a draft is being written.
  let queue: Promise<unknown> = Promise.resolve();
  const flush = () => {
    timer = undefined;
    const text = buffer.join("\n");
    buffer = [];
    if (text.trim() === "") {
      prompt();
      return;
    }
    counter += 1;
    const id = `cli:${user}:${Date.now()}:${counter}`;
    queue = queue.then(() => session.send(text, id)).then(prompt);
  };
  prompt();
  await new Promise<void>((resolve) => {
    rl.on("line", (line) => {
      if (!block && /^(退出|exit|quit)$/i.test(line.trim())) {
        if (timer !== undefined) clearTimeout(timer);
        if (buffer.length > 0) flush();
        rl.close();
        return;
      }
      if (line.trim() === '"""') {
        block = !block;
        if (!block) flush();
        return;
      }
      buffer.push(line);
      if (block) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, 60);
    });
    rl.on("close", async () => {
      if (timer !== undefined) clearTimeout(timer);
      if (buffer.length > 0) flush();
      timer = undefined;
      await queue;
      io.out("\n已保存，下次运行 ziping chat 会从这里继续。再见！");
      resolve();
    });
  });
}
