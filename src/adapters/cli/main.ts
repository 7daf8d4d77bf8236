import { existsSync } from "node:fs";
import { z } from "zod";
import type { LlmChoice } from "../../app/draft-env.ts";
import { type Config, readConfig } from "../../config.ts";
import { readNotes } from "../../services/notes-file.ts";
import { readIdentity } from "../../services/report-identity.ts";
import type { Ziping } from "../../services/ziping.ts";
import type { ChatOptions } from "./chat-command.ts";
import {
  ADMIN_COMMANDS,
  adminRequired,
  cliAccess,
  currentOsUser,
  type OsUser,
  otherUserRefused,
} from "./cli-access.ts";
import { terminalProgress, usage } from "./cli-run.ts";
import { parseCommandLine } from "./command-line.ts";
import { commandHelp } from "./command-usage.ts";
import { HELP } from "./help-text.ts";
import { lazyExport } from "./lazy-export.ts";
import { type CliIo, EXIT, processIo, type WithZiping } from "./output.ts";

// Each command's module (and the libraries it needs: docx, exceljs, openai, SQLite…) loads only
// when that command runs, so `ziping schemes` and `ziping score` start at once.
const openCopyCorpus = lazyExport(() => import("../../app/copy-corpus.ts"), "openCopyCorpus");
const databaseName = lazyExport(() => import("../../app/draft-env.ts"), "databaseName");
const openZiping = lazyExport(() => import("../../app/draft-env.ts"), "openZiping");
const backupCommand = lazyExport(() => import("./backup-command.ts"), "backupCommand");
const restoreCommand = lazyExport(() => import("./backup-command.ts"), "restoreCommand");
const terminalConfirm = lazyExport(() => import("./backup-command.ts"), "terminalConfirm");
const migrateCommand = lazyExport(() => import("./migrate-command.ts"), "migrateCommand");
const chatCommand = lazyExport(() => import("./chat-command.ts"), "chatCommand");
const checkCommand = lazyExport(() => import("./check-command.ts"), "checkCommand");
const corpusAddCommand = lazyExport(() => import("./corpus-command.ts"), "corpusAddCommand");
const corpusListCommand = lazyExport(() => import("./corpus-command.ts"), "corpusListCommand");
const draftCommand = lazyExport(() => import("./draft-command.ts"), "draftCommand");
const explainCommand = lazyExport(() => import("./explain-command.ts"), "explainCommand");
const importCommand = lazyExport(() => import("./import-command.ts"), "importCommand");
const exportArchiveCommand = lazyExport(() => import("./report-archive-command.ts"), "exportArchiveCommand");
const importReportCommand = lazyExport(() => import("./report-archive-command.ts"), "importReportCommand");
const exportCommand = lazyExport(() => import("./reports-command.ts"), "exportCommand");
const reviewCommand = lazyExport(() => import("./review-command.ts"), "reviewCommand");
const reportsCommand = lazyExport(() => import("./reports-command.ts"), "reportsCommand");
const schemaCommand = lazyExport(() => import("./schema-command.ts"), "schemaCommand");
const schemesCommand = lazyExport(() => import("./schemes-command.ts"), "schemesCommand");
const scoreCommand = lazyExport(() => import("./score-command.ts"), "scoreCommand");
const unitsCommand = lazyExport(() => import("./units-command.ts"), "unitsCommand");
const statusCommand = lazyExport(() => import("./status-command.ts"), "statusCommand");

/**
 * Runs `use` with the composed service on `db` (src/app builds it: one connection, every
 * repository, the drafter `llm` chooses) and closes it after. A database that cannot be opened is
 * bad input named with its path; a drafter that cannot be set up is a usage error.
 */
async function withZiping(
  io: CliIo,
  config: Config,
  options: { db: string; llm: LlmChoice },
  use: (ziping: Ziping) => number | Promise<number>,
): Promise<number> {
  const app = await openZiping(config, { ...options, now: () => new Date() });
  if (!app.ok) {
    if (app.error.code === "db.open") {
      io.err(app.error.message);
      return EXIT.badInput;
    }
    return usage(io, app.error.message);
  }
  try {
    return await use(app.value.ziping);
  } finally {
    app.value.close();
  }
}

/**
 * Runs one `ziping` command line as the OS account `os` (tests pass one; see cli-access.ts);
 * returns the exit code. Never throws for bad input.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = processIo,
  os: OsUser = currentOsUser(),
): Promise<number> {
  z.config(z.locales.zhCN());
  const line = parseCommandLine(argv);
  if (line.error !== undefined) {
    io.err(line.error);
    return EXIT.badInput;
  }
  const { parsed } = line;
  const [command, ...rest] = parsed.positionals;
  const json = parsed.values.json === true;
  const scheme = typeof parsed.values.scheme === "string" ? parsed.values.scheme : undefined;
  if (parsed.values.help || command === undefined || command === "help") {
    const own = commandHelp(command === "help" ? (rest[0] ?? "") : (command ?? ""));
    io.out(own ?? HELP);
    return EXIT.ok;
  }
  const config = readConfig();
  if (!config.ok) return usage(io, config.message);
  const db = typeof parsed.values.db === "string" ? parsed.values.db : config.config.ZIPING_DB;
  const url = config.config.DATABASE_URL;
  const access = cliAccess(os, db, config.config.ZIPING_ADMINS, url !== undefined);
  /** The PostgreSQL database the deployment uses, unless --db names a SQLite file for this command. */
  const pgUnlessDb = parsed.values.db === undefined ? url : undefined;
  /** The service on the database, without a model: for commands that draft nothing. */
  const withStore: WithZiping = (use) => withZiping(io, config.config, { db, llm: "off" }, use);
  // --llm is accepted by chat and draft only (parseCommandLine refuses it elsewhere).
  const llm = parsed.values.llm ?? "auto";
  if (llm !== "on" && llm !== "off" && llm !== "auto")
    return usage(io, `--llm 应为 on 或 off，例如 --llm off（读到“${String(llm)}”）`);
  if (!access.admin && ADMIN_COMMANDS.has(command)) {
    io.err(adminRequired(command, access, db));
    return EXIT.badInput;
  }
  try {
    switch (command) {
      case "chat": {
        const delay = parsed.values.delay === undefined ? undefined : Number(parsed.values.delay);
        if (delay !== undefined && !(Number.isFinite(delay) && delay >= 0))
          return usage(io, `--delay 应为毫秒数，例如 --delay 300`);
        const user = typeof parsed.values.user === "string" ? parsed.values.user : access.user;
        if (user !== access.user && !access.admin) {
          io.err(otherUserRefused(user, access, db));
          return EXIT.badInput;
        }
        const options: ChatOptions = {
          user,
          outDir: typeof parsed.values.out === "string" ? parsed.values.out : "out",
          keepMessageDays: config.config.ZIPING_KEEP_MESSAGES_DAYS,
        };
        if (typeof parsed.values.script === "string") options.script = parsed.values.script;
        if (delay !== undefined) options.delay = delay;
        return await withZiping(io, config.config, { db, llm }, (ziping) => chatCommand(io, ziping, options));
      }
      case "reports":
        return await withStore((ziping) => reportsCommand(io, ziping, json, access));
      case "export": {
        const id = rest[0];
        if (id === undefined)
          return usage(
            io,
            "ziping export 需要报告编号，例如 ziping export r1a2b3c4d（用 ziping reports 查看编号）",
          );
        return parsed.values["with-events"] === true
          ? await withStore((ziping) => exportArchiveCommand(io, ziping, db, id, new Date(), access))
          : await withStore((ziping) => exportCommand(io, ziping, db, id, access));
      }
      case "score":
      case "explain": {
        const file = rest[0];
        if (file === undefined)
          return usage(
            io,
            `ziping ${command} 需要一个报告文件，例如 ziping ${command} fixtures/reports/seed-000.json`,
          );
        return command === "score"
          ? scoreCommand(io, file, scheme, json)
          : explainCommand(io, file, scheme, json);
      }
      case "import": {
        const file = rest[0];
        if (file === undefined)
          return usage(
            io,
            "ziping import 需要一个报告文件，例如 ziping import 自评报告.docx --out 报告.json",
          );
        const unit = parsed.values.unit;
        if (unit !== undefined && unit !== "万元" && unit !== "元")
          return usage(io, `--unit 应为 万元 或 元，例如 --unit 万元（表格没写单位的金额按此读取）`);
        const identity = readIdentity(parsed.values);
        if (!identity.ok) return usage(io, identity.error.message);
        return await importCommand(io, file, {
          json,
          identity: identity.value,
          ...(typeof parsed.values.out === "string" ? { out: parsed.values.out } : {}),
          ...(unit === undefined ? {} : { amountUnit: unit }),
        });
      }
      case "check": {
        if (rest.length === 0)
          return usage(
            io,
            "ziping check 需要报告文件，例如 ziping check fixtures/seeds/000_0839647822e00506.txt",
          );
        const identity = readIdentity(parsed.values);
        if (!identity.ok) return usage(io, identity.error.message);
        const spec = typeof parsed.values.corpus === "string" ? parsed.values.corpus : undefined;
        const corpus = await openCopyCorpus(spec, db, new Date(), url);
        if (!corpus.ok) return usage(io, corpus.error.message);
        try {
          return await checkCommand(io, rest, {
            json,
            identity: identity.value,
            corpus: corpus.value,
            ...(scheme === undefined ? {} : { scheme }),
          });
        } finally {
          corpus.value?.close();
        }
      }
      case "review": {
        if (rest.length === 0)
          return usage(
            io,
            "ziping review 需要报告文件夹或文件，例如 ziping review 收到的报告/ --out 审阅结果/",
          );
        const spec = typeof parsed.values.corpus === "string" ? parsed.values.corpus : undefined;
        const add = parsed.values["add-to-corpus"] === true;
        if (add && (spec === undefined || !/\.(db|sqlite3?)$/i.test(spec)))
          return usage(
            io,
            "--add-to-corpus 需要用 --corpus 指定语料库文件（.db），例如 --corpus 语料库.db --add-to-corpus",
          );
        // A corpus database to add to is created when it does not exist yet.
        if (add && spec !== undefined && !existsSync(spec)) {
          const made = await withZiping(io, config.config, { db: spec, llm: "off" }, () => EXIT.ok);
          if (made !== EXIT.ok) return made;
        }
        const corpus = await openCopyCorpus(spec, db, new Date(), url);
        if (!corpus.ok) return usage(io, corpus.error.message);
        const addTo = (path: string) => async (docs: Parameters<Ziping["addToCorpus"]>[0]) => {
          let added = 0;
          await withZiping(io, config.config, { db: path, llm: "off" }, async (ziping) => {
            added = (await ziping.addToCorpus(docs, new Date())).added.filter(Boolean).length;
            return EXIT.ok;
          });
          return added;
        };
        try {
          return await reviewCommand(io, rest, {
            json,
            corpus:
              corpus.value === null
                ? null
                : { corpus: corpus.value, path: spec ?? (await databaseName(db, url)) },
            ...(typeof parsed.values.out === "string" ? { out: parsed.values.out } : {}),
            ...(scheme === undefined ? {} : { scheme }),
            ...(add && spec !== undefined ? { addToCorpus: addTo(spec) } : {}),
            ...(process.stderr.isTTY ? { progress: terminalProgress } : {}),
          });
        } finally {
          corpus.value?.close();
        }
      }
      case "corpus": {
        const [sub, ...paths] = rest;
        if (sub === "list") return await withStore((ziping) => corpusListCommand(io, ziping, json));
        if (sub === "seeds")
          return await corpusAddCommand(
            io,
            withStore,
            await databaseName(db, url),
            [(await import("./corpus-command.ts")).SEED_DIR],
            new Date(),
          );
        if (sub === "add" && paths.length > 0)
          return await corpusAddCommand(
            io,
            withStore,
            await databaseName(db, url),
            paths,
            new Date(),
            parsed.values["skip-unreadable"] === true,
          );
        return usage(
          io,
          "用法：ziping corpus add <报告文件或文件夹...> | ziping corpus list | ziping corpus seeds",
        );
      }
      case "draft": {
        const ref = rest[0];
        if (ref === undefined)
          return usage(
            io,
            "ziping draft 需要报告文件或编号，例如 ziping draft fixtures/reports/seed-000.json --out out/seed-000.docx",
          );
        const notes = readNotes(typeof parsed.values.notes === "string" ? parsed.values.notes : undefined);
        if (!notes.ok) return usage(io, notes.error.message);
        return await withZiping(io, config.config, { db, llm }, (ziping) =>
          draftCommand(io, ziping, ref, {
            db,
            access,
            keepOfficerText: parsed.values.redraft !== true,
            ...(typeof parsed.values.out === "string" ? { out: parsed.values.out } : {}),
            ...(scheme === undefined ? {} : { scheme }),
            ...(notes.value === undefined ? {} : { notes: notes.value }),
          }),
        );
      }
      case "units":
        return await unitsCommand(io, rest, {
          admin: parsed.values.admin === true,
          now: new Date(),
          withZiping: withStore,
        });
      case "status": {
        const where = url === undefined ? `SQLite 文件 ${db}` : await databaseName(db, url);
        return await withStore((ziping) => statusCommand(io, ziping, where, json, new Date()));
      }
      case "backup": {
        const target = rest[0];
        if (target === undefined)
          return usage(io, "ziping backup 需要备份文件的路径，例如 ziping backup 备份/ziping-2026-12-03.db");
        return await backupCommand(io, db, target, {
          force: parsed.values.force === true,
          postgres: pgUnlessDb,
        });
      }
      case "import-report": {
        const file = rest[0];
        if (file === undefined)
          return usage(io, "ziping import-report 需要报告文件，例如 ziping import-report r1a2b3c4d.json");
        return await importReportCommand(io, withStore, db, file, new Date());
      }
      case "restore": {
        const file = rest[0];
        if (file === undefined)
          return usage(io, "ziping restore 需要备份文件，例如 ziping restore 备份/ziping-2026-12-03.db");
        const confirm = await terminalConfirm();
        return await restoreCommand(io, file, {
          db,
          ...(pgUnlessDb === undefined ? {} : { postgres: pgUnlessDb }),
          yes: parsed.values.yes === true,
          now: new Date(),
          ...(confirm === undefined ? {} : { confirm }),
        });
      }
      case "migrate": {
        // Without --to, DATABASE_URL (the password then stays out of the command line and `ps`).
        const to = parsed.values.to ?? url;
        if (typeof to !== "string" || !/^postgres(ql)?:\/\//u.test(to) || !URL.canParse(to))
          return usage(
            io,
            "ziping migrate 需要 PostgreSQL 连接地址（--to 或环境变量 DATABASE_URL），以 postgres:// 开头，例如 ziping migrate --to postgres://ziping:密码@127.0.0.1:5432/ziping --db data/ziping.db",
          );
        const confirm = parsed.values.force === true ? await terminalConfirm() : undefined;
        return await migrateCommand(io, {
          db,
          to,
          force: parsed.values.force === true,
          now: new Date(),
          keepMessageDays: config.config.ZIPING_KEEP_MESSAGES_DAYS,
          ...(confirm === undefined ? {} : { confirm }),
        });
      }
      case "schemes":
        return schemesCommand(io, json);
      case "schema":
        return schemaCommand(io);
      default:
        return usage(io, `未知命令“${command}”。`);
    }
  } catch (e) {
    io.err(`内部错误（这是 ziping 的缺陷，请把以下信息反馈给开发者）：${(e as Error).message}`);
    return EXIT.bug;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv.slice(2));
}
