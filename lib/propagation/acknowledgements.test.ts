import { describe, expect, it } from "vitest";
import {
  closeTaskSchema,
  groupByRecipient,
  requestEventType,
  stepProgress,
  type ToldDelivery,
  type ToldRecipient,
} from "./acknowledgements";
import type { DeliveryState } from "./vocabulary";

const mailbird: ToldRecipient = { id: 1, name: "Mailbird", role: "processor", country: "US" };
const adnet: ToldRecipient = { id: 2, name: "Adnet", role: "third_party", country: "DE" };
let next = 1;
const delivery = (state: DeliveryState): ToldDelivery => ({
  id: next++,
  uid: `msg_${next}`,
  eventType: "subject.erased",
  state,
  queuedAt: new Date("2026-01-01T00:00:00Z"),
  deliveredAt: null,
  deliveredVia: null,
  confirmedAt: null,
  confirmedVia: null,
  confirmedByName: null,
  confirmNote: null,
  noIdentifier: false,
});

describe("groupByRecipient", () => {
  it("keeps recipients in the order given, each with its deliveries and the ones still waiting", () => {
    const rows = [
      { recipient: adnet, delivery: delivery("confirmed") },
      { recipient: mailbird, delivery: delivery("delivered") },
      { recipient: adnet, delivery: delivery("queued") },
    ];
    const groups = groupByRecipient(rows);
    expect(groups.map((g) => [g.recipient.name, g.state, g.deliveries.length, g.unconfirmed.map((d) => d.state)])).toEqual([
      ["Adnet", "queued", 2, ["queued"]],
      ["Mailbird", "delivered", 1, ["delivered"]],
    ]);
  });

  it("reads a recipient as confirmed once every live delivery is, a superseded one waiting on nobody", () => {
    const [g] = groupByRecipient([
      { recipient: adnet, delivery: delivery("superseded") },
      { recipient: adnet, delivery: delivery("confirmed") },
    ]);
    expect(g.state).toBe("confirmed");
    expect(g.unconfirmed).toEqual([]);
  });

  it("reads a recipient with a parked delivery as parked, and offers it for confirmation", () => {
    const [g] = groupByRecipient([
      { recipient: mailbird, delivery: delivery("delivered") },
      { recipient: mailbird, delivery: delivery("parked") },
    ]);
    expect(g.state).toBe("parked");
    expect(g.unconfirmed.map((d) => d.state)).toEqual(["delivered", "parked"]);
  });

  it("returns nothing for no deliveries", () => {
    expect(groupByRecipient([])).toEqual([]);
  });
});

describe("stepProgress", () => {
  const shown = (s: Parameters<typeof stepProgress>[0]) => stepProgress(s).map((p) => `${p.step}:${p.status}`);

  it("marks where each acknowledgement stands on queued → delivered → confirmed", () => {
    expect(shown("queued")).toEqual(["queued:current", "delivered:todo", "confirmed:todo"]);
    expect(shown("delivered")).toEqual(["queued:done", "delivered:current", "confirmed:todo"]);
    expect(shown("confirmed")).toEqual(["queued:done", "delivered:done", "confirmed:done"]);
  });

  it("stops a parked one at delivery, needing attention", () => {
    expect(shown("parked")).toEqual(["queued:done", "delivered:stuck", "confirmed:todo"]);
  });
});

describe("requestEventType", () => {
  it("names the event of each request type that tells recipients, and none for the others", () => {
    expect(requestEventType("deletion")).toBe("subject.erased");
    expect(requestEventType("rectification")).toBe("subject.rectified");
    expect(requestEventType("restriction")).toBe("subject.restricted");
    expect(requestEventType("objection")).toBe("subject.objected");
    expect(requestEventType("opt_out_sale")).toBe("subject.opted_out");
    expect(requestEventType("access")).toBeNull();
    expect(requestEventType("portability")).toBeNull();
    expect(requestEventType("toString")).toBeNull();
  });
});

describe("closeTaskSchema", () => {
  it("needs a delivery id and a note", () => {
    expect(closeTaskSchema.safeParse({ deliveryId: "7", note: " Vendor emailed back " }).data).toEqual({
      deliveryId: 7,
      note: "Vendor emailed back",
    });
    const refused = closeTaskSchema.safeParse({ deliveryId: "x", note: "  " });
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["deliveryId", "invalid"],
      ["note", "required"],
    ]);
  });

  it("refuses a note over 1,000 characters", () => {
    expect(closeTaskSchema.safeParse({ deliveryId: 1, note: "x".repeat(1001) }).error?.issues[0].message).toBe("too-long");
  });
});
