import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { LegalBasis, DataCategory, RecipientRole, Channel } from "@/lib/purposes/vocabulary";
import { transferredFrom } from "@/lib/data-map/transfers";
import type { Db } from "../connection";
import {
  brandPrivacy,
  brandSettings,
  purposeRecipients,
  purposeRecords,
  purposes,
  recipients,
  recipientTransfers,
  type BrandPrivacy,
  type BrandSettings,
  type PurposeRecord,
  type RecipientTransfer,
} from "../schema";

// The data map as one read (issue 19): every purpose in force with its data, people, sources, retention and
// destruction, every recipient it sends data to with any transfer abroad, and the brand as controller. The
// record of processing and the privacy policy are both generated from it, so neither can say something the
// data map does not.

export type PurposeRecordFields = Omit<PurposeRecord, "purposeId" | "updatedById" | "updatedAt">;
export type TransferFields = Omit<RecipientTransfer, "recipientId" | "updatedById" | "updatedAt">;
export type BrandPrivacyFields = Omit<BrandPrivacy, "id" | "updatedById" | "updatedAt">;

export const emptyPurposeRecord: PurposeRecordFields = {
  subjectCategories: [],
  subjectCategoriesNote: null,
  sources: [],
  sourcesNote: null,
  destructionMethod: null,
  destructionNote: null,
  legalHolds: [],
};
export const emptyTransfer: TransferFields = { safeguard: null, safeguardNote: null, items: [], timing: null, method: null, refusal: null };
export const emptyBrandPrivacy: BrandPrivacyFields = {
  securityMeasures: [],
  securityNote: null,
  representativeName: null,
  representativeContact: null,
  dpoName: null,
  privacyOfficerName: null,
  privacyOfficerDepartment: null,
  privacyOfficerContact: null,
  domesticAgentName: null,
  domesticAgentAddress: null,
  domesticAgentContact: null,
  businessRepresentative: null,
  complaintContacts: {},
};

export type DataMapRecipient = {
  id: number;
  name: string;
  role: RecipientRole;
  country: string;
  privacyContactName: string | null;
  privacyContactEmail: string | null;
  transfer: TransferFields;
};

export type DataMapPurpose = {
  id: number;
  key: string;
  name: string;
  description: string;
  legalBasis: LegalBasis;
  dataCategories: DataCategory[];
  retentionDays: number;
  saleOrSharing: boolean;
  sensitive: boolean;
  channels: Channel[];
  jurisdictions: string[];
  activatedAt: Date | null;
  record: PurposeRecordFields;
  /** Its recipients, each with the jurisdictions whose people's data it takes abroad (empty: no transfer). */
  recipients: (DataMapRecipient & { transferredFrom: string[] })[];
};

export type DataMapBrand = Pick<
  BrandSettings,
  "name" | "legalName" | "address" | "contactEmail" | "dpoEmail" | "websiteUrl" | "timeZone" | "defaultLocale" | "enabledLocales"
>;

export type DataMap = {
  brand: DataMapBrand | null;
  privacy: BrandPrivacyFields;
  purposes: DataMapPurpose[];
  recipients: DataMapRecipient[];
};

const without = <T extends object, K extends keyof T>(row: T, ...keys: K[]): Omit<T, K> => {
  const copy = { ...row };
  for (const k of keys) delete copy[k];
  return copy;
};

/** The brand's controller facts, or the empty ones before they are filled in. */
export function readBrandPrivacy(db: Db): BrandPrivacyFields {
  const row = db.select().from(brandPrivacy).where(eq(brandPrivacy.id, 1)).get();
  return row ? without(row, "id", "updatedById", "updatedAt") : emptyBrandPrivacy;
}

export function readPurposeRecord(db: Db, purposeId: number): PurposeRecordFields {
  const row = db.select().from(purposeRecords).where(eq(purposeRecords.purposeId, purposeId)).get();
  return row ? without(row, "purposeId", "updatedById", "updatedAt") : emptyPurposeRecord;
}

export function readRecipientTransfer(db: Db, recipientId: number): TransferFields {
  const row = db.select().from(recipientTransfers).where(eq(recipientTransfers.recipientId, recipientId)).get();
  return row ? without(row, "recipientId", "updatedById", "updatedAt") : emptyTransfer;
}

/** The whole data map: active purposes (what the brand does today) by name, their open recipient links, the brand. */
export function readDataMap(db: Db): DataMap {
  const settings = db.select().from(brandSettings).where(eq(brandSettings.id, 1)).get();
  const rows = db
    .select({ purpose: purposes, record: purposeRecords })
    .from(purposes)
    .leftJoin(purposeRecords, eq(purposeRecords.purposeId, purposes.id))
    .where(eq(purposes.status, "active"))
    .orderBy(sql`${purposes.name} COLLATE NOCASE`, asc(purposes.id))
    .all();
  const ids = rows.map((r) => r.purpose.id);
  const links = ids.length
    ? db
        .select({ purposeId: purposeRecipients.purposeId, recipient: recipients, transfer: recipientTransfers })
        .from(purposeRecipients)
        .innerJoin(recipients, eq(recipients.id, purposeRecipients.recipientId))
        .leftJoin(recipientTransfers, eq(recipientTransfers.recipientId, recipients.id))
        .where(and(inArray(purposeRecipients.purposeId, ids), isNull(purposeRecipients.unlinkedAt)))
        .orderBy(sql`${recipients.name} COLLATE NOCASE`, asc(recipients.id))
        .all()
    : [];
  const byId = new Map<number, DataMapRecipient>();
  for (const { recipient: r, transfer } of links)
    byId.set(r.id, {
      id: r.id,
      name: r.name,
      role: r.role,
      country: r.country,
      privacyContactName: r.privacyContactName,
      privacyContactEmail: r.privacyContactEmail,
      transfer: transfer ? without(transfer, "recipientId", "updatedById", "updatedAt") : emptyTransfer,
    });
  return {
    brand: settings
      ? {
          name: settings.name,
          legalName: settings.legalName,
          address: settings.address,
          contactEmail: settings.contactEmail,
          dpoEmail: settings.dpoEmail,
          websiteUrl: settings.websiteUrl,
          timeZone: settings.timeZone,
          defaultLocale: settings.defaultLocale,
          enabledLocales: settings.enabledLocales,
        }
      : null,
    privacy: readBrandPrivacy(db),
    purposes: rows.map(({ purpose: p, record }) => ({
      id: p.id,
      key: p.key,
      name: p.name,
      description: p.description,
      legalBasis: p.legalBasis,
      dataCategories: p.dataCategories as DataCategory[],
      retentionDays: p.retentionDays,
      saleOrSharing: p.saleOrSharing,
      sensitive: p.sensitive,
      channels: p.channels as Channel[],
      jurisdictions: p.jurisdictions,
      activatedAt: p.activatedAt,
      record: record ? without(record, "purposeId", "updatedById", "updatedAt") : emptyPurposeRecord,
      recipients: links
        .filter((l) => l.purposeId === p.id)
        .map((l) => ({ ...byId.get(l.recipient.id)!, transferredFrom: transferredFrom(p.jurisdictions, l.recipient.country) })),
    })),
    recipients: [...byId.values()],
  };
}
