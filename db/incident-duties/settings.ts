import { eq } from "drizzle-orm";
import { NotFoundError } from "@/lib/errors";
import type { Db } from "../connection";
import { brandSettings } from "../schema";
import { appendAuditEntry } from "../staff/audit-chain";

/**
 * Sets the brand's target for APPI's "prompt" preliminary breach report and notice to people (days after the day of
 * awareness); the audit entry names the old and new value. Open incidents' clocks follow at once.
 */
export function setAppiBreachTarget(db: Db, days: number, actor: { id: number; email: string }): void {
  db.$client
    .transaction(() => {
      const before = db.select({ days: brandSettings.appiBreachPreliminaryDays }).from(brandSettings).where(eq(brandSettings.id, 1)).get();
      if (!before) throw new NotFoundError("brand");
      db.update(brandSettings).set({ appiBreachPreliminaryDays: days, updatedAt: new Date() }).where(eq(brandSettings.id, 1)).run();
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "settings.appi-breach-target",
        targetType: "brand",
        targetId: 1,
        details: { before: before.days, after: days },
      });
    })
    .immediate();
}
