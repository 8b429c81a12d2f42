import "server-only";
import fs from "node:fs";
import { Worker } from "node:worker_threads";
import { laneBundle, storeFile, writerPort, writesOnThread } from "@/db/writer";
import type { FromLane, LaneData, ToLane } from "./lane-protocol";
import type { LaneAnswer, LaneRequest } from "./lane-routes";
import { answerApiKeyLimitsOn, type LimitOutcome } from "./rate-limits";

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void };

/**
 * The consent endpoints' own thread (issue 22), from the request thread's side. Under ingest the endpoints' work
 * (parsing, the key, validation, the answer) held the one thread that also renders every page; here the request thread
 * only reads the request and writes the answer, and the preference center and the admin pages keep that thread. The
 * thread writes through a port to the server's one writer, so its events join the same group commits, and it keeps
 * the API keys' rate limits, which the request thread's other API routes ask it for. If it stops, the requests it
 * held are refused (nothing of theirs was acknowledged) and the next one starts it again.
 */
export class LaneThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly bundle: string) {
    if (!fs.existsSync(bundle)) throw new Error(`the consent endpoints' bundle ${bundle} is missing: run npm run build:server`);
    answerApiKeyLimitsOn((keyId) => this.ask<LimitOutcome>((id) => ({ type: "limit", id, keyId })));
  }

  private start(): Worker {
    const stub = `require(require("node:worker_threads").workerData.bundle);`;
    const worker = new Worker(stub, { eval: true, workerData: { bundle: this.bundle, file: storeFile() } satisfies LaneData });
    worker.on("message", (message: FromLane) => this.receive(worker, message));
    worker.on("error", (error) => console.error(`[lane] ${error.message}`));
    worker.on("exit", (code) => {
      if (this.worker === worker) this.worker = null;
      const lost = [...this.pending.values()];
      this.pending.clear();
      for (const p of lost) p.reject(new Error(`the consent endpoints' thread stopped (exit code ${code}) before it answered`));
    });
    worker.unref();
    console.info(`[lane] thread started: ${this.bundle}`);
    return worker;
  }

  private receive(worker: Worker, message: FromLane): void {
    if (message.type === "writer-port") {
      // The thread writes through the server's one writer: a port to it, starting it when needed.
      try {
        const port = writerPort();
        worker.postMessage({ type: "writer-port", port } satisfies ToLane, [port]);
      } catch (error) {
        worker.postMessage({ type: "writer-port", error: (error as Error).message } satisfies ToLane);
      }
      return;
    }
    const p = this.pending.get(message.id);
    if (!p) return;
    this.pending.delete(message.id);
    p.resolve((message.type === "answer" ? message.answer : message.outcome) as never);
    if (this.pending.size === 0) this.worker?.unref();
  }

  private ask<T>(message: (id: number) => ToLane, transfer: ArrayBuffer[] = []): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject });
      try {
        this.worker ??= this.start();
        this.worker.ref();
        this.worker.postMessage(message(id), transfer);
      } catch (error) {
        this.pending.delete(id);
        reject(error as Error);
      }
    });
  }

  /** Starts the thread now, so the first request does not wait for it to load. */
  warm(): this {
    this.worker ??= this.start();
    return this;
  }

  /** The answer to a request the fast lane serves. */
  answer(request: LaneRequest): Promise<LaneAnswer> {
    return this.ask((id) => ({ type: "request", id, request }), request.body ? [request.body.buffer] : []);
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

/** The server's consent endpoints' thread, started; none when its writes run on the request thread (CANDOR_WRITER=inline). */
export function startLaneThread(): LaneThread | null {
  return writesOnThread() ? new LaneThread(laneBundle()).warm() : null;
}
