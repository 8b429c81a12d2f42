import type { RecordOptions } from "../../propagation/record";
import { scoped } from "../../writer/group-scope";
import type { LedgerStatements } from "./statements";

export type LedgerPurpose = {
  id: number;
  key: string;
  legalBasis: string;
  channels: string[];
  validityDays: number | null;
  saleOrSharing: boolean;
  materialChangeAt: number | null;
};

type VersionRow = { id: number; version: number; status: string; locale: string; purposeId: number };

/**
 * Active purposes, published notice versions and the purposes with recipients, read once per ledger call (the tables
 * are small), or once for a run of consent records in one group commit (db/writer/group-scope.ts); with what the call
 * keeps for itself.
 */
export function loadReference(s: LedgerStatements) {
  return {
    ...scoped("ledger.reference", () => readReference(s)),
    /** The outbox writer's options for this call's transaction: it keeps what it read of the data map here. */
    propagation: {} as RecordOptions,
    /** The people a GPC signal in this call opted out of sale/sharing purposes that reached recipients, and those purposes' keys. */
    gpcOptOuts: new Map<number, Set<string>>(),
  };
}

function readReference(s: LedgerStatements) {
  const purposes = new Map<string, LedgerPurpose>();
  for (const p of s.purposes.all() as (Omit<LedgerPurpose, "channels" | "saleOrSharing"> & { channels: string; saleOrSharing: number })[]) {
    purposes.set(p.key, { ...p, channels: JSON.parse(p.channels), saleOrSharing: Boolean(p.saleOrSharing) });
  }
  const versions = s.noticeVersions.all() as VersionRow[];
  const versionNumbers = new Map(versions.map((v) => [v.id, v.version]));
  const withRecipients = new Set((s.purposesWithRecipients.all() as { id: number }[]).map((r) => r.id));
  const byPurposeLocale = new Map<string, VersionRow[]>();
  for (const v of versions) {
    const k = `${v.purposeId}|${v.locale}`;
    byPurposeLocale.set(k, [...(byPurposeLocale.get(k) ?? []), v]);
  }
  return {
    purposes,
    /**
     * Whether a purpose (active or not) sends data to a recipient: only a change to one of these can tell
     * anyone, so every other change costs the ledger this one lookup and no history read.
     */
    hasRecipients: (purposeId: number) => withRecipients.has(purposeId),
    /** The version number of a published or superseded notice version, as consent.changed names it. */
    versionNumber: (noticeVersionId: number) => versionNumbers.get(noticeVersionId) ?? null,
    /**
     * The notice version a subject was shown: the numbered one if given,
     * else the one in force; a locale with no notice falls back to English.
     */
    noticeVersion(purposeId: number, locale: string, version?: number): number | "unknown-version" | "none" {
      const pick = (loc: string) => {
        const list = byPurposeLocale.get(`${purposeId}|${loc}`);
        if (!list) return undefined;
        if (version !== undefined) return list.find((v) => v.version === version)?.id ?? "unknown-version";
        return list.find((v) => v.status === "published")?.id;
      };
      return pick(locale) ?? pick("en") ?? "none";
    },
  };
}

export type LedgerReference = ReturnType<typeof loadReference>;
