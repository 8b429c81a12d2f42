import type { NewAuditEntry } from "@/db/staff/audit-chain";
import type { ReferenceRows } from "@/db/seed/rows";
import { demoBrand } from "./brand";
import { noticeCatalogs, noticeLocales, versionText } from "./notice-text";
import { demoPurposes, type DemoPurpose } from "./purposes";
import { registryRows } from "./recipients";
import type { Jurisdiction, Locale } from "./regions";
import { demoStaff, demoStaffId } from "./staff";
import type { Timeline } from "./timeline";
import { demoWidgetKey } from "./widget-key";
import { DAY_MS } from "@/lib/time";

export type LiveVersion = { id: number; publishedAt: number; material: boolean };

/** What the ledger generator needs to know about a consent purpose. */
export type ConsentPurpose = {
  id: number;
  key: DemoPurpose["key"];
  channels: string[];
  validityDays: number | null;
  saleOrSharing: boolean;
  activeFrom: number;
  activeUntil: number | null;
  optIn: Record<Jurisdiction, number>;
  offered: number;
  changeWeight: number;
  /** Published versions per locale, oldest first. */
  versions: Record<Locale, LiveVersion[]>;
};

export type ReferenceData = { rows: ReferenceRows; consentPurposes: ConsentPurpose[]; audit: NewAuditEntry[] };

const SEED_ACTOR = "seed";

/** Brand, staff, purposes and notices for the anchor, with the audit entries that tell their history. */
export function buildReference(t: Timeline, passwordHash: string): ReferenceData {
  const audit: NewAuditEntry[] = [];
  const log = (at: number, actor: string | null, action: string, targetType: string, targetId: string | number, details: object) =>
    audit.push({
      at: new Date(at),
      actorId: actor ? demoStaffId(actor) : null,
      actorLabel: SEED_ACTOR,
      action,
      targetType,
      targetId,
      details: details as Record<string, unknown>,
    });
  const admin = demoStaff[0].email;

  const brandAt = t.daysAgo(demoStaff[0].createdDaysAgo - 1, 10);
  const staff = demoStaff.map((s, i) => {
    const createdAt = t.daysAgo(s.createdDaysAgo, 9 + i);
    log(createdAt, i === 0 ? null : admin, "staff.create", "staff_user", i + 1, { email: s.email, role: s.role });
    return {
      id: i + 1,
      email: s.email,
      name: s.name,
      role: s.role,
      passwordHash,
      active: true,
      locale: s.locale,
      createdAt: new Date(createdAt),
      lastSignInAt: new Date(t.daysAgo(0, -(i + 1) * 5)),
    };
  });
  log(brandAt, admin, "settings.update", "brand_settings", 1, { name: "Northtrail Outfitters", timeZone: "Europe/Dublin" });

  const rows: ReferenceRows = {
    brand: demoBrand(new Date(brandAt)),
    staff,
    purposes: [],
    recipients: [],
    purposeRecipients: [],
    recipientPaths: [],
    notices: [],
    noticeVersions: [],
  };
  const widgetKey = demoWidgetKey(rows.brand.allowedOrigins, new Date(brandAt + 3_600_000), demoStaffId(admin));
  rows.apiKeys = [widgetKey];
  log(brandAt + 3_600_000, admin, "api-key.create", "api_key", widgetKey.id, {
    name: widgetKey.name,
    kind: widgetKey.kind,
    prefix: widgetKey.prefix,
    allowedOrigins: widgetKey.allowedOrigins,
  });
  const consentPurposes: ConsentPurpose[] = [];
  let noticeId = 0;
  let versionId = 0;

  demoPurposes.forEach((p, i) => {
    const id = i + 1;
    const createdAt = t.daysAgo(p.createdDaysAgo, 10);
    const activatedAt = p.activatedDaysAgo === null ? null : t.daysAgo(p.activatedDaysAgo, 11);
    const retiredAt = p.retiredDaysAgo === null ? null : t.daysAgo(p.retiredDaysAgo, 11);
    const reviewerId = p.reviewer && activatedAt !== null ? demoStaffId(p.reviewer) : null;
    rows.purposes.push({
      id,
      key: p.key,
      name: p.name,
      description: p.description,
      legalBasis: p.legalBasis,
      dataCategories: p.dataCategories,
      retentionDays: p.retentionDays,
      validityDays: p.validityDays,
      saleOrSharing: p.saleOrSharing,
      sensitive: p.sensitive,
      sensitiveBeyondPermitted: p.sensitiveBeyondPermitted ?? false,
      channels: p.channels,
      jurisdictions: p.jurisdictions,
      benefit: p.benefit,
      status: p.status,
      createdById: demoStaffId(p.author),
      reviewedById: reviewerId,
      createdAt: new Date(createdAt),
      updatedAt: new Date(retiredAt ?? activatedAt ?? createdAt),
      activatedAt: activatedAt === null ? null : new Date(activatedAt),
      retiredAt: retiredAt === null ? null : new Date(retiredAt),
      materialChangeAt: p.v2?.material ? new Date(t.daysAgo(p.v2.publishedDaysAgo, 10)) : null,
    });
    log(createdAt, p.author, "purpose.create", "purpose", id, { key: p.key, name: p.name });
    if (p.status !== "draft") log(createdAt + 2 * 3_600_000, p.author, "purpose.submit", "purpose", id, { key: p.key });
    if (activatedAt !== null) log(activatedAt, p.reviewer, "purpose.approve", "purpose", id, { key: p.key });

    const versions = { en: [], ko: [], ja: [] } as Record<Locale, LiveVersion[]>;
    for (const locale of noticeLocales) {
      const copy = noticeCatalogs[locale][p.key];
      rows.notices.push({ id: ++noticeId, purposeId: id, locale, createdAt: new Date(createdAt) });
      const v1 = versionText(copy, locale, 1);
      const v1Status = activatedAt === null ? (p.status === "draft" ? "draft" : "in_review") : p.v2 ? "superseded" : "published";
      rows.noticeVersions.push({
        id: ++versionId,
        noticeId,
        version: 1,
        status: v1Status,
        ...v1,
        material: false,
        authorId: demoStaffId(p.author),
        reviewerId: reviewerId,
        createdAt: new Date(createdAt),
        publishedAt: activatedAt === null ? null : new Date(activatedAt),
      });
      if (activatedAt !== null) {
        versions[locale].push({ id: versionId, publishedAt: activatedAt, material: false });
        log(activatedAt, p.reviewer, "notice.publish", "notice_version", versionId, { version: 1, locale, purposeId: id, material: false });
      }
      if (p.v2) {
        const publishedAt = t.daysAgo(p.v2.publishedDaysAgo, 10);
        rows.noticeVersions.push({
          id: ++versionId,
          noticeId,
          version: 2,
          status: "published",
          ...versionText(copy, locale, 2),
          material: p.v2.material,
          authorId: demoStaffId(p.author),
          reviewerId,
          createdAt: new Date(publishedAt - 5 * DAY_MS),
          publishedAt: new Date(publishedAt),
        });
        versions[locale].push({ id: versionId, publishedAt, material: p.v2.material });
        log(publishedAt, p.reviewer, "notice.publish", "notice_version", versionId, {
          version: 2,
          locale,
          purposeId: id,
          material: p.v2.material,
        });
      }
    }
    if (retiredAt !== null) log(retiredAt, p.reviewer, "purpose.retire", "purpose", id, { key: p.key });
    if (p.legalBasis === "consent" && activatedAt !== null && p.optIn) {
      consentPurposes.push({
        id,
        key: p.key,
        channels: p.channels,
        validityDays: p.validityDays,
        saleOrSharing: p.saleOrSharing,
        activeFrom: activatedAt,
        activeUntil: retiredAt,
        optIn: p.optIn,
        offered: p.offered ?? 1,
        changeWeight: p.changeWeight ?? 1,
        versions,
      });
    }
  });
  // One recipient per vendor, with its privacy contact and paths; feed keys follow the widget key.
  const registry = registryRows(
    t,
    demoPurposes.map((p, i) => ({ id: i + 1, createdAt: t.daysAgo(p.createdDaysAgo, 10), recipients: p.recipients })),
    widgetKey.id + 1,
    log,
  );
  rows.recipients = registry.recipients;
  rows.purposeRecipients = registry.purposeRecipients;
  rows.recipientPaths = registry.recipientPaths;
  rows.apiKeys = [widgetKey, ...registry.apiKeys];
  return { rows, consentPurposes, audit };
}
