/**
 * Each request clock as data: which law sets it, how long it runs, the one
 * extension it allows and any receipt-confirmation clock (SPEC.md §4;
 * reference/standards.md §1). Due dates (deadlines.ts) and the "law and
 * clock" label (clock-label.ts) both read this one description, so what the
 * page says and when the request falls due cannot disagree.
 */

/** The law whose clock a request runs on; "strictest" when the jurisdiction is unknown. */
export type Regime = "gdpr" | "ccpa" | "pipa" | "appi" | "strictest";

/** A length of time as the law states it. Business days skip Saturdays and Sundays. */
export type ClockPeriod = { unit: "days" | "business-days" | "months"; count: number };

/** The provisions a clock is cited from, one key each for the label. */
export const clockLaws = [
  "gdpr-art-12-3",
  "ccpa-7021-b",
  "ccpa-7026-f",
  "ccpa-7027-g",
  "pipa-decree-41",
  "pipa-decree-43",
  "pipa-decree-44",
  "appi-art-33",
  "appi-art-34",
  "appi-art-35",
] as const;
export type ClockLaw = (typeof clockLaws)[number];

/**
 * One (regime, type) clock. `basis` says how to read the period: "fixed" by
 * the law, the brand's own "target" where the law only says "without delay"
 * (APPI), or the "strictest" period we know when the jurisdiction is unknown.
 * `extension` is added to the original due date.
 */
export type ClockRule = {
  regime: Regime;
  law: ClockLaw | null;
  basis: "fixed" | "target" | "strictest";
  period: ClockPeriod;
  extension: ClockPeriod | null;
  confirmReceipt: ClockPeriod | null;
};

export type ClockInput = {
  jurisdiction: string;
  /** A subject request type, e.g. "access", "deletion", "opt_out_sale". */
  type: string;
  /** The brand's APPI "without delay" target in days; 14 when not set. */
  appiTargetDays?: number;
};

/** The APPI "without delay" target when the brand has not set one. */
export const DEFAULT_APPI_TARGET_DAYS = 14;
/** The shortest period among the regimes we know (PIPA), used when the jurisdiction is unknown. */
export const STRICTEST_DAYS = 10;
const GDPR_JURISDICTIONS = new Set(["EU", "EEA", "UK"]);
/** CCPA §7021(a) names requests to delete, correct and know; portability is part of knowing. */
const CCPA_CONFIRMED_TYPES = new Set(["access", "portability", "deletion", "rectification"]);

/**
 * The regime whose clock applies. An unknown jurisdiction gets "strictest":
 * the shortest deadline we know (10 days, as PIPA), so a gap in our table never
 * makes the brand late.
 */
export function regimeFor(jurisdiction: string): Regime {
  const j = jurisdiction.trim().toUpperCase();
  if (GDPR_JURISDICTIONS.has(j)) return "gdpr";
  if (j === "US-CA") return "ccpa";
  if (j === "KR") return "pipa";
  if (j === "JP") return "appi";
  return "strictest";
}

const days = (count: number): ClockPeriod => ({ unit: "days", count });

/** PIPA Decree: access (Art. 41), correction and erasure (Art. 43), suspension of processing (Art. 44); 10 days each. */
function pipaLaw(type: string): ClockLaw {
  if (type === "deletion" || type === "rectification") return "pipa-decree-43";
  if (type === "restriction" || type === "objection" || type === "opt_out_sale" || type === "limit_sensitive") return "pipa-decree-44";
  return "pipa-decree-41";
}

/** APPI: disclosure (Art. 33), correction (Art. 34), ceasing use, erasure and stopping provision (Art. 35). */
function appiLaw(type: string): ClockLaw {
  if (type === "rectification") return "appi-art-34";
  if (["deletion", "restriction", "objection", "opt_out_sale", "limit_sensitive"].includes(type)) return "appi-art-35";
  return "appi-art-33";
}

function appiDays(target: number | undefined): number {
  const n = target ?? DEFAULT_APPI_TARGET_DAYS;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`appiTargetDays must be a whole number ≥ 1, got ${n}`);
  return n;
}

/**
 * The clock a request of this type runs on in this jurisdiction. GDPR gives
 * one month, extendable once by two (Art. 12(3)). CCPA gives 45 calendar days,
 * extendable by 45 (§7021(b)), and 10 business days to confirm receipt of a
 * request to know, delete or correct (§7021(a)); an opt-out of sale/sharing is
 * due in 15 business days with no extension (§7026(f)), and so is a request to
 * limit the use of sensitive personal information (§7027(g)(1)). PIPA gives 10 days and
 * only a postponement notice, APPI "without delay" (the brand's target); neither
 * has an extension.
 */
export function clockRule(input: ClockInput): ClockRule {
  const regime = regimeFor(input.jurisdiction);
  switch (regime) {
    case "gdpr":
      return {
        regime,
        law: "gdpr-art-12-3",
        basis: "fixed",
        period: { unit: "months", count: 1 },
        extension: { unit: "months", count: 2 },
        confirmReceipt: null,
      };
    case "ccpa":
      if (input.type === "opt_out_sale")
        return {
          regime,
          law: "ccpa-7026-f",
          basis: "fixed",
          period: { unit: "business-days", count: 15 },
          extension: null,
          confirmReceipt: null,
        };
      if (input.type === "limit_sensitive")
        return {
          regime,
          law: "ccpa-7027-g",
          basis: "fixed",
          period: { unit: "business-days", count: 15 },
          extension: null,
          confirmReceipt: null,
        };
      return {
        regime,
        law: "ccpa-7021-b",
        basis: "fixed",
        period: days(45),
        extension: days(45),
        confirmReceipt: CCPA_CONFIRMED_TYPES.has(input.type) ? { unit: "business-days", count: 10 } : null,
      };
    case "pipa":
      return { regime, law: pipaLaw(input.type), basis: "fixed", period: days(10), extension: null, confirmReceipt: null };
    case "appi":
      return {
        regime,
        law: appiLaw(input.type),
        basis: "target",
        period: days(appiDays(input.appiTargetDays)),
        extension: null,
        confirmReceipt: null,
      };
    case "strictest":
      return { regime, law: null, basis: "strictest", period: days(STRICTEST_DAYS), extension: null, confirmReceipt: null };
  }
}
