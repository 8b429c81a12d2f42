import { parentPort, workerData } from "node:worker_threads";
import { db } from "../client";
import { onDeliveriesQueued } from "../propagation/wake";
import { GroupCommitter, type WriteJob } from "./group-commit";
import { writeOperations } from "./operations";
import type { ToWriter, WriterData } from "./protocol";

// The writer thread's entry (bundled by scripts/build-writer.ts into .generated/writer.cjs; db/writer/thread.ts starts
// it). Importing ../client opens this thread's connection to the store: the server's one write connection.
const port = parentPort!;
const data = workerData as WriterData;
const committer = new GroupCommitter(db.$client, writeOperations, { maxJobs: data.maxJobs, waitMs: data.waitMs }, (outcomes) =>
  port.postMessage({ type: "done", outcomes }),
);
// Deliveries queued by a write here wake the dispatcher on the request thread (db/propagation/wake.ts), after the commit.
onDeliveriesQueued(() => port.postMessage({ type: "wake" }));

port.on("message", (message: ToWriter) => {
  if (message.type === "jobs") for (const job of message.jobs) committer.submit(job satisfies WriteJob);
  else if (message.type === "stats") port.postMessage({ type: "stats", stats: committer.stats });
});
port.postMessage({ type: "ready" });
