import { parentPort, type MessagePort } from "node:worker_threads";
import { writeThroughPorts } from "@/db/writer";
import { answerLane } from "./lane-routes";
import type { FromLane, ToLane } from "./lane-protocol";
import { takeApiKeyHere } from "./rate-limits";

// The consent endpoints' thread (issue 22; bundled by scripts/build-server.ts, started by lib/server/lane-thread.ts):
// it answers the requests the request thread's fast lane passes it, writes through a port to the server's one writer,
// reads on a connection of its own, and keeps the API keys' rate limits for the whole server.
const requestThread = parentPort!;
const send = (message: FromLane, transfer: ArrayBuffer[] = []) => requestThread.postMessage(message, transfer);

const portWaiters: { resolve: (port: MessagePort) => void; reject: (error: Error) => void }[] = [];
writeThroughPorts(
  () =>
    new Promise((resolve, reject) => {
      portWaiters.push({ resolve, reject });
      send({ type: "writer-port" });
    }),
);

requestThread.on("message", (message: ToLane) => {
  if (message.type === "request")
    void answerLane(message.request).then((answer) =>
      send({ type: "answer", id: message.id, answer }, [answer.body.buffer as ArrayBuffer]),
    );
  else if (message.type === "limit") send({ type: "limit", id: message.id, outcome: takeApiKeyHere(message.keyId) });
  else if (message.type === "writer-port") {
    const waiter = portWaiters.shift();
    if ("port" in message) waiter?.resolve(message.port);
    else waiter?.reject(new Error(message.error));
  }
});
