import type { PathState } from "@/lib/propagation/paths";
import type { BadgeTone } from "@/components/ui/badge";

/** The badge tone of each path state: working is good, a stopped endpoint or a revoked key needs attention. */
export const pathStateTone: Record<PathState, BadgeTone> = {
  working: "ok",
  gone: "danger",
  disabled: "neutral",
  "key-revoked": "danger",
  "no-contact-email": "warn",
};
