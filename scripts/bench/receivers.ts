// Webhook receivers for the propagation bench: local endpoints a recipient would run, each on its own thread.
import { Worker } from "node:worker_threads";

export type Receiver = { url: string; answers: () => Promise<Map<string, number>>; close: () => Promise<void> };

// A receiver's own thread: a recipient is another machine, so answering webhooks must not slow the bench's load generator
// (both in one event loop, every webhook answered delayed the next batch sent, and the cost was charged to Candor).
const RECEIVER_THREAD = `
const http = require("node:http");
const { parentPort } = require("node:worker_threads");
const answeredAt = new Map();
const server = http.createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    const id = request.headers["webhook-id"];
    response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    if (typeof id === "string" && !answeredAt.has(id)) answeredAt.set(id, Date.now());
  });
});
server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
parentPort.on("message", (m) => {
  if (m === "answers") parentPort.postMessage({ answers: [...answeredAt] });
  if (m === "close") { server.closeAllConnections(); server.close(() => parentPort.postMessage({ closed: true })); }
});
`;

/** A local endpoint on a thread of its own, answering 200 to every POST and noting when it answered each webhook-id first. */
export async function startReceiver(): Promise<Receiver> {
  const worker = new Worker(RECEIVER_THREAD, { eval: true });
  const reply = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: Record<string, unknown>) => {
        if (!(key in m)) return;
        worker.off("message", onMessage);
        resolve(m[key] as T);
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
    });
  const port = await reply<number>("port");
  return {
    url: `http://127.0.0.1:${port}/webhooks/candor`,
    answers: async () => {
      const answered = reply<[string, number][]>("answers");
      worker.postMessage("answers");
      return new Map(await answered);
    },
    close: async () => {
      const closed = reply<boolean>("closed");
      worker.postMessage("close");
      await closed;
      await worker.terminate();
    },
  };
}
