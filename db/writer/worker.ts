import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { db } from "../client";
import { writerPragmas } from "../connection";
import { onDeliveriesQueued } from "../propagation/wake";
import { GroupCommitter, type WriteOutcome } from "./group-commit";
import { writeOperations } from "./operations";
import type { ToWriter, WriterData } from "./protocol";

// The writer thread's entry (bundled by scripts/build-writer.ts into .generated/writer.cjs; db/writer/thread.ts starts
// it). Importing ../client opens this thread's connection to the store: the server's one write connection.
const requestThread = parentPort!;
for (const pragma of writerPragmas) db.$client.pragma(pragma);
const data = workerData as WriterData;

// Callers reach the writer from the request thread and through ports it hands over for the server's other threads
// (./thread.ts connect). Each side numbers its own jobs, so the writer numbers them again and answers each on its port.
const routes = new Map<number, { port: MessagePort; id: number }>();
let nextId = 1;

const committer = new GroupCommitter(db.$client, writeOperations, { maxJobs: data.maxJobs, waitMs: data.waitMs }, (outcomes) => {
  const byPort = new Map<MessagePort, WriteOutcome[]>();
  for (const outcome of outcomes) {
    const route = routes.get(outcome.id);
    if (!route) continue;
    routes.delete(outcome.id);
    const list = byPort.get(route.port) ?? [];
    list.push({ ...outcome, id: route.id });
    byPort.set(route.port, list);
  }
  for (const [port, list] of byPort) port.postMessage({ type: "done", outcomes: list });
});
// Deliveries queued by a write here wake the dispatcher on the request thread (db/propagation/wake.ts), after the commit.
onDeliveriesQueued(() => requestThread.postMessage({ type: "wake" }));

function listen(port: MessagePort): void {
  port.on("message", (message: ToWriter) => {
    if (message.type === "jobs")
      for (const job of message.jobs) {
        const id = nextId++;
        routes.set(id, { port, id: job.id });
        committer.submit({ ...job, id });
      }
    else if (message.type === "stats") port.postMessage({ type: "stats", stats: committer.stats });
    else if (message.type === "client" && port === requestThread) listen(message.port);
  });
}

listen(requestThread);
requestThread.postMessage({ type: "ready" });
