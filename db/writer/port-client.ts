import type { MessagePort } from "node:worker_threads";
import { WriteChannel } from "./channel";
import type { FromWriter, ToWriter } from "./protocol";

/**
 * Another thread's side of the server's one writer (issue 22): the consent endpoints' thread writes through a port the
 * request thread hands it (./thread.ts connect), so its writes join the same group commits as every other. `ask`
 * requests a port from the request thread; when the writer stops, the port closes, every caller still waiting is
 * refused (nothing of theirs was acknowledged) and the next call asks for a new one, which starts a new writer.
 */
export class WriterPort extends WriteChannel {
  private port: MessagePort | null = null;
  private asking: Promise<void> | null = null;
  private queued: ToWriter[] = [];

  constructor(private readonly ask: () => Promise<MessagePort>) {
    super();
  }

  private attach(port: MessagePort): void {
    this.port = port;
    port.on("message", (message: FromWriter) => this.receive(message));
    port.on("close", () => {
      if (this.port === port) this.port = null;
      this.failAll("the writer thread stopped before the write was committed");
    });
    for (const message of this.queued.splice(0)) port.postMessage(message);
  }

  protected post(message: ToWriter): void {
    if (this.port) return this.port.postMessage(message);
    this.queued.push(message);
    this.asking ??= this.ask()
      .then((port) => this.attach(port))
      .catch((error: unknown) => {
        this.queued = [];
        this.failAll(`no writer to write through: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        this.asking = null;
      });
  }
}
