import type { ChannelLog } from "../../services/channel-turns.ts";

/** A log for the WeCom channel and the SDK: info and errors for ziping, debug and warn for the SDK. */
export interface WeComLogger extends ChannelLog {
  debug(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  /** The SDK's call shape: `error(message, ...args)`. */
  error(message: string, ...args: unknown[]): void;
}

function text(a: unknown): string {
  if (a instanceof Error) return a.stack ?? `${a.name}: ${a.message}`;
  if (typeof a === "string") return a;
  try {
    return JSON.stringify(a) ?? String(a);
  } catch {
    return String(a);
  }
}

/**
 * One line per call to `write` (stderr by default), every secret (bot secret, corp secret,
 * EncodingAESKey, access tokens seen) replaced by «已隐藏»; debug lines (the SDK logs whole frames
 * there) only when `debug` is true. The SDK never logs its auth frame, and this keeps it so.
 */
export function weComLogger(
  secrets: () => readonly string[],
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  debug = false,
): WeComLogger {
  const emit = (level: string, message: string, args: unknown[]) => {
    let line = `[${level}] ziping 企业微信: ${[message, ...args.map(text)].join(" ")}`;
    for (const s of secrets()) if (s.length >= 8) line = line.split(s).join("«已隐藏»");
    line = line.replace(/access_token=[^&\s"']+/g, "access_token=«已隐藏»");
    write(line);
  };
  return {
    debug: (message, ...args) => {
      if (debug) emit("DEBUG", message, args);
    },
    info: (message, ...args) => emit("INFO", message, args),
    warn: (message, ...args) => emit("WARN", message, args),
    error: (message, ...args) => emit("ERROR", message, args),
  };
}
