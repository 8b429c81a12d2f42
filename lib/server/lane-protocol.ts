import type { MessagePort } from "node:worker_threads";
import type { LimitOutcome } from "./rate-limits";
import type { LaneAnswer, LaneRequest } from "./lane-routes";

/** What the request thread tells the consent endpoints' thread (lib/server/lane-thread.ts). */
export type ToLane =
  | { type: "request"; id: number; request: LaneRequest }
  | { type: "limit"; id: number; keyId: number }
  | { type: "writer-port"; port: MessagePort }
  | { type: "writer-port"; error: string };

/** What it answers, and its one question: a port to the server's writer. */
export type FromLane =
  { type: "answer"; id: number; answer: LaneAnswer } | { type: "limit"; id: number; outcome: LimitOutcome } | { type: "writer-port" };

/** The thread's start-up data: its bundle and the store (db/connection.ts databasePath reads `file`). */
export type LaneData = { bundle: string; file: string };
