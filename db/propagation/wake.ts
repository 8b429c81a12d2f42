/**
 * An in-process signal that deliveries were queued, so the dispatcher sends at once instead of waiting for
 * its next poll. Writers call deliveriesQueued() inside their transaction; listeners run on setImmediate,
 * after the synchronous transaction has committed (or rolled back: a listener only ever looks for due
 * deliveries, so a wake for nothing costs one empty query). It is a hint, never the queue: the deliveries
 * table is, and a dispatcher that misses a wake (another process wrote, or it was busy) finds them by polling.
 */

type Listener = () => void;

// Kept on globalThis: Next.js bundles the server's start-up (where the dispatcher listens) and each route (where the
// writes happen) apart, each with its own copy of this module, so module-level state would never meet and every
// delivery waited for the next poll.
const state = ((globalThis as unknown as { candorDeliveriesWake?: { listeners: Set<Listener>; pending: boolean } }).candorDeliveriesWake ??=
  { listeners: new Set<Listener>(), pending: false });
const listeners = state.listeners;

/** Tells the listeners, once per turn of the event loop however many writes signalled, that deliveries are waiting. */
export function deliveriesQueued(): void {
  if (state.pending || listeners.size === 0) return;
  state.pending = true;
  setImmediate(() => {
    state.pending = false;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        // A listener's failure is its own: the write that signalled has committed and must not be disturbed.
        console.error("propagation wake listener failed", error);
      }
    }
  });
}

/** Calls `listener` after each write that queued deliveries; returns the unsubscribe. */
export function onDeliveriesQueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
