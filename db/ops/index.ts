import "server-only";
import { toAsync } from "../port";
import * as health from "./health";
import * as retention from "./retention-server";

// The operations port (db/README.md): the server's daily retention run and its health check.
export const removeExpiredData = toAsync(retention.removeExpiredData);
export const storeHealth = toAsync(health.storeHealth);
