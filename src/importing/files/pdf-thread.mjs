// The pdf.js worker in its own thread (plain JavaScript, so it needs no loader). pdf-content.ts
// starts it with one end of a MessageChannel; the parsing of the PDF (fonts, content streams,
// CMaps) runs here, so a file that makes the parser loop or grow is stopped by terminating this
// thread (time limit) or by its heap limit (memory), never by hanging the process.
import { workerData } from "node:worker_threads";

const { WorkerMessageHandler } = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
const port = workerData.port;
port.start();
WorkerMessageHandler.initializeFromPort(port);
