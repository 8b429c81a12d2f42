import { describe, expect, it } from "vitest";
import { WriteChannel } from "./channel";
import type { ToWriter } from "./protocol";

/** A channel whose writer is a list: what it was sent, and a way to stop it as a port closing or a thread exiting does. */
class Recorded extends WriteChannel {
  readonly sent: ToWriter[] = [];
  protected post(message: ToWriter): void {
    this.sent.push(message);
  }
  stop(): void {
    this.failAll("the writer thread stopped before the write was committed");
  }
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("WriteChannel", () => {
  it("sends the calls of one turn together", async () => {
    const channel = new Recorded();
    void channel.call("consent.recordConsent", [1]);
    void channel.call("consent.recordConsent", [2]);
    await nextTurn();
    expect(channel.sent).toEqual([
      { type: "jobs", jobs: [expect.objectContaining({ args: [1] }), expect.objectContaining({ args: [2] })] },
    ]);
  });

  it("never sends a refused caller's job: a writer that stops before this turn's jobs went out drops them", async () => {
    const channel = new Recorded();
    const refused = expect(channel.call("consent.recordConsent", [1])).rejects.toThrow("the writer thread stopped");
    channel.stop();
    await refused;
    await nextTurn();
    expect(channel.sent).toEqual([]);
    // The next caller is sent as usual.
    void channel.call("consent.recordConsent", [2]);
    await nextTurn();
    expect(channel.sent).toEqual([{ type: "jobs", jobs: [expect.objectContaining({ args: [2] })] }]);
  });
});
