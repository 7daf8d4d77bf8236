import { randomBytes } from "node:crypto";
import { createEngine, type EngineOptions } from "../conversation/step.ts";
import type { Scheme } from "../scoring/scheme.ts";
import { DeliveryJobs, openDatabase, Store } from "../storage/index.ts";
import { type ChatCorpus, chatCorpus } from "./chat-corpus.ts";
import { ChatService } from "./chat-service.ts";
import { installedSchemes } from "./scheme-files.ts";

/** Short report ids an officer can type: "r" + 8 base-36 characters. */
export function randomReportId(): string {
  return `r${BigInt(`0x${randomBytes(6).toString("hex")}`)
    .toString(36)
    .padStart(8, "0")
    .slice(0, 8)}`;
}

/** The composed application: the store, the chat service and a way to close the database. */
export interface App {
  store: Store;
  chat: ChatService;
  engine: ReturnType<typeof createEngine>;
  /** The installed scoring schemes the engine was built with. */
  schemes: readonly Scheme[];
  /** The deployment's corpus of other agencies' reports (copied passages). */
  corpus: ChatCorpus;
  close(): void;
}

/**
 * Opens the database (running migrations), loads the installed schemes and wires the chat service.
 * `engineOptions` go to the engine (the bench counts scorer runs through them).
 */
export function openApp(
  dbPath: string,
  newId: () => string = randomReportId,
  engineOptions: EngineOptions = {},
): App {
  const schemes = installedSchemes();
  if (!schemes.ok) throw new Error(schemes.error.message);
  const db = openDatabase(dbPath);
  const store = new Store(db);
  const engine = createEngine(schemes.value, engineOptions);
  const corpus = chatCorpus(db);
  const chat = new ChatService(store, engine, newId, corpus, new DeliveryJobs(db));
  return { store, engine, schemes: schemes.value, chat, corpus, close: () => store.close() };
}
