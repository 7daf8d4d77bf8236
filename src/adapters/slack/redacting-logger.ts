import { type Logger, LogLevel } from "@slack/bolt";

/** Slack tokens (bot, user, app-level, refresh, config) and anything after "Bearer ". */
const TOKEN = /\b(?:xox[abposre]|xapp)-[A-Za-z0-9-]+|Bearer\s+[^\s"',)]+/g;

/** Replaces every Slack token and the given secrets in a log line with «已隐藏». */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(TOKEN, "«已隐藏»");
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join("«已隐藏»");
  return out;
}

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/**
 * Bolt's and the Web API client's logger, writing one line per call to `write` (stderr by default)
 * with every token and secret removed: Bolt logs request bodies at debug level, and errors can
 * quote headers. Tokens never reach a log.
 */
export function redactingLogger(
  secrets: readonly string[],
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  level: LogLevel = LogLevel.INFO,
): Logger {
  let current = level;
  let name = "ziping";
  const emit = (at: LogLevel, args: unknown[]) => {
    if (ORDER[at] < ORDER[current]) return;
    const text = args
      .map((a) =>
        a instanceof Error ? (a.stack ?? `${a.name}: ${a.message}`) : typeof a === "string" ? a : safeJson(a),
      )
      .join(" ");
    write(redact(`[${at}] ${name}: ${text}`, secrets));
  };
  return {
    debug: (...args) => emit(LogLevel.DEBUG, args),
    info: (...args) => emit(LogLevel.INFO, args),
    warn: (...args) => emit(LogLevel.WARN, args),
    error: (...args) => emit(LogLevel.ERROR, args),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n) => {
      name = n;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
