import "server-only";
import { toAsync } from "../port";

// The propagation port (db/README.md): recipients and their paths, the events and deliveries that carry a
// person's choices and erasures to them, and their acknowledgements. Each helper module adds its exports here.
export type { Recipient, RecipientPath, Delivery, PropagationEventRow } from "../schema";
void toAsync;
