import { afterEach, describe, expect, it, vi } from "vitest";
import { deliveriesQueued, onDeliveriesQueued } from "./wake";

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const subscriptions: (() => void)[] = [];
afterEach(() => {
  for (const off of subscriptions.splice(0)) off();
  vi.restoreAllMocks();
});

describe("the deliveries-queued signal", () => {
  it("reaches a listener registered through another copy of the module, as Next.js bundles start-up and each route apart", async () => {
    vi.resetModules();
    const startUp = await import("./wake");
    vi.resetModules();
    const route = await import("./wake");
    expect(route).not.toBe(startUp);
    const listener = vi.fn();
    subscriptions.push(startUp.onDeliveriesQueued(listener));
    route.deliveriesQueued();
    await turn();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("calls listeners after the writer's synchronous work, not during it", async () => {
    const calls: string[] = [];
    subscriptions.push(onDeliveriesQueued(() => calls.push("listener")));
    deliveriesQueued();
    calls.push("writer still running");
    expect(calls).toEqual(["writer still running"]);
    await turn();
    expect(calls).toEqual(["writer still running", "listener"]);
  });

  it("wakes each listener once for many signals in one turn", async () => {
    const listener = vi.fn();
    subscriptions.push(onDeliveriesQueued(listener));
    deliveriesQueued();
    deliveriesQueued();
    deliveriesQueued();
    await turn();
    expect(listener).toHaveBeenCalledTimes(1);
    deliveriesQueued();
    await turn();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("keeps calling the other listeners, and never throws at the writer, when one listener throws", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const after = vi.fn();
    subscriptions.push(
      onDeliveriesQueued(() => {
        throw new Error("boom");
      }),
    );
    subscriptions.push(onDeliveriesQueued(after));
    expect(() => deliveriesQueued()).not.toThrow();
    await turn();
    expect(after).toHaveBeenCalledTimes(1);
    expect(console.error).toHaveBeenCalled();
  });

  it("stops calling a listener once it unsubscribed", async () => {
    const listener = vi.fn();
    const off = onDeliveriesQueued(listener);
    off();
    deliveriesQueued();
    await turn();
    expect(listener).not.toHaveBeenCalled();
  });
});
