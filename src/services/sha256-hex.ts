import { createHash } from "node:crypto";

/** Hex sha256 of a UTF-8 string: the drafter's `hash` dependency, for the prompt hash of each call. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
