import "server-only";
import type { MessagePort } from "node:worker_threads";
import { databasePath, serverLaneBundle } from "../connection";
import { serverWriterThread, writeThrough } from "../port";
import { WriterPort } from "./port-client";

// The writer's side for the server's other threads (issue 22): the consent endpoints' thread (lib/server/lane-thread.ts)
// writes through the request thread's one writer, so every write of the server still joins the same group commits.

/** The store this server opens, for a thread it starts (db/connection.ts databasePath reads it there). */
export const storeFile = (): string => databasePath();

/** The consent endpoints' thread's bundle for this server's build folder (scripts/build-server.ts). */
export const laneBundle = serverLaneBundle;

/** Whether this server's writes go to a writer thread (the server's default), so another thread can write through it. */
export const writesOnThread = (): boolean => serverWriterThread() !== null;

/** A new port to the server's one writer, for another thread of the server (starting the writer when it is not running). */
export function writerPort(): MessagePort {
  const writer = serverWriterThread();
  if (!writer) throw new Error("this server writes on the request thread (CANDOR_WRITER=inline)");
  return writer.connect();
}

/** On another thread of the server: its writes go to the server's writer through ports `ask` gets from the request thread. */
export function writeThroughPorts(ask: () => Promise<MessagePort>): void {
  writeThrough(new WriterPort(ask));
}
