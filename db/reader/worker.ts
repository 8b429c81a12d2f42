import { parentPort } from "node:worker_threads";
import { runJob, type WriteJob } from "../writer/group-commit";
import { readOperations } from "./operations";

// The reader thread's entry (bundled by scripts/build-writer.ts into .generated/reader.cjs; db/port.ts starts it through
// db/writer/thread.ts, the same request-thread side as the writer's). It runs the heavy reads its table names (the
// dashboards' aggregates) one after another on its own connection, so a dashboard's seconds of SQLite work never hold
// up the request thread: the pages, the preference center and the consent endpoints keep answering meanwhile. In WAL
// mode each read sees what was committed when it began, so a caller's own committed write is always in it.
const port = parentPort!;

port.on("message", (message: { type: string; jobs?: WriteJob[] }) => {
  if (message.type === "jobs")
    for (const job of message.jobs ?? []) port.postMessage({ type: "done", outcomes: [runJob(job, readOperations, "read")] });
  else if (message.type === "stats") port.postMessage({ type: "stats", stats: { groups: 0, jobs: 0, largest: 0, fallbacks: 0 } });
});
port.postMessage({ type: "ready" });
