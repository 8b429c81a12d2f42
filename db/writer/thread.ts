import fs from "node:fs";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import { serverReaderBundle, serverWriterBundle } from "../connection";
import { WriteChannel } from "./channel";
import type { FromWriter, ToWriter, WriterData } from "./protocol";

export { rebuildError } from "./channel";

export type WriterThreadOptions = WriterData & {
  /** The store the writer opens (DATABASE_PATH of the thread). */
  file: string;
  /** The bundle to run (scripts/build-writer.ts); the one for this server's build folder unless said (db/writer/bundle-path.ts). */
  bundle?: string;
  /** The writer (default), or the reader thread that runs the heavy reads (db/reader/worker.ts) through the same protocol. */
  role?: "writer" | "reader";
};

/**
 * The request thread's side of the writer (issue 22, deliverable 1): one worker thread with the write connection;
 * `call` sends it an operation and resolves once the transaction holding it has committed. If the thread dies,
 * every caller still waiting is refused (nothing of theirs was acknowledged) and the next call starts a new one.
 */
export class WriterThread extends WriteChannel {
  private worker: Worker | null = null;

  constructor(private readonly options: WriterThreadOptions) {
    super();
  }

  private start(): Worker {
    const role = this.options.role ?? "writer";
    const bundle = this.options.bundle ?? (role === "reader" ? serverReaderBundle() : serverWriterBundle());
    if (!fs.existsSync(bundle)) throw new Error(`the ${role} thread's bundle ${bundle} is missing: run npm run build:writer`);
    // An evaluated stub requires the bundle by its path, so the server's bundler never tries to follow it; the thread's
    // connection opens the store `file` names (db/connection.ts databasePath reads it from workerData).
    const stub = `require(require("node:worker_threads").workerData.bundle);`;
    const worker = new Worker(stub, {
      eval: true,
      workerData: { bundle, file: this.options.file, maxJobs: this.options.maxJobs, waitMs: this.options.waitMs },
    });
    worker.on("message", (message: FromWriter) => this.receive(message));
    worker.on("error", (error) => console.error(`[${role}] ${error.message}`));
    worker.on("exit", (code) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(
        `the ${role} thread stopped (exit code ${code}) before ${role === "writer" ? "the write was committed" : "the read was answered"}`,
      );
    });
    worker.unref();
    console.info(
      role === "reader"
        ? `[reader] thread started: ${bundle}`
        : `[writer] thread started: ${bundle}, up to ${this.options.maxJobs} writes per transaction, waiting ${this.options.waitMs} ms`,
    );
    return worker;
  }

  protected post(message: ToWriter): void {
    this.worker ??= this.start();
    // Referenced while a caller waits, so a script's process stays up until its writes are answered.
    this.worker.ref();
    this.worker.postMessage(message);
  }

  protected idle(): void {
    this.worker?.unref();
  }

  /**
   * A port to this writer for another thread of the server (the consent endpoints' thread, lib/server/lane-thread.ts):
   * its jobs join the same groups and its answers come back on the port. Starts the writer when it is not running; the
   * port closes if the writer stops, and the other thread asks for a new one.
   */
  connect(): MessagePort {
    this.worker ??= this.start();
    const { port1, port2 } = new MessageChannel();
    this.worker.postMessage({ type: "client", port: port1 } satisfies ToWriter, [port1]);
    return port2;
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
