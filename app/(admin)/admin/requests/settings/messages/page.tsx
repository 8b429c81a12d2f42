import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isLocale, localeNames, locales, type Locale } from "@/lib/i18n/config";
import { isTemplateKind, templateKinds, type TemplateKind } from "@/lib/messages/templates/vocabulary";
import { publicBaseUrl } from "@/lib/server/base-url";
import { getDateFormatter } from "@/lib/server/format";
import { requirePagePermission } from "@/lib/server/session";
import { getCurrentTemplate, listTemplateVersions } from "@/db/messages";
import { getBrandSettings } from "@/db/staff";
import { PageHeader } from "@/components/ui/page-header";
import { StackedCell, stackedRoles } from "@/components/ui/stacked-cell";
import { TableWrap } from "@/components/ui/table-wrap";
import { TemplateEditor } from "./template-editor";
import styles from "./messages.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requestPolicy.messages"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const href = (kind: TemplateKind, locale: Locale) => `/admin/requests/settings/messages?${new URLSearchParams({ kind, locale })}`;

/** The privacy officer's wording of each message to a person, per language, with a live preview and every saved version. */
export default async function MessageTemplatesPage({ searchParams }: { searchParams: Search }) {
  await requirePagePermission("request:configure", "/admin/requests/settings/messages");
  const q = await searchParams;
  const kind: TemplateKind = isTemplateKind(q.kind) ? q.kind : "request-received";
  const locale: Locale = isLocale(q.locale) ? q.locale : "en";
  const [t, format, brand, current, versions, baseUrl] = await Promise.all([
    getTranslations("requestPolicy.messages"),
    getDateFormatter(),
    getBrandSettings(),
    getCurrentTemplate(kind, locale),
    listTemplateVersions(kind, locale),
    publicBaseUrl(),
  ]);
  const { version, ...text } = current;
  return (
    <div className="stack">
      <p>
        <Link href="/admin/requests/settings">{t("back")}</Link>
      </p>
      <PageHeader title={t("title")} description={t("description")} />
      <nav aria-label={t("kindsLabel")}>
        <ul className={styles.nav}>
          {templateKinds.map((k) => (
            <li key={k}>
              <Link href={href(k, locale)} aria-current={k === kind ? "page" : undefined}>
                {t(`kinds.${k}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={t("languageLabel")}>
        <ul className={styles.nav}>
          {locales.map((l) => (
            <li key={l}>
              <Link href={href(kind, l)} lang={l} aria-current={l === locale ? "page" : undefined}>
                {localeNames[l]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>
        {t(`kinds.${kind}`)} · <span lang={locale}>{localeNames[locale]}</span>
      </h2>
      <TemplateEditor
        key={`${kind}-${locale}`}
        kind={kind}
        locale={locale}
        current={text}
        brand={{ name: brand?.name ?? "Candor", contact: brand?.dpoEmail || brand?.contactEmail || "", baseUrl }}
      />
      {/* Not a named region itself: the table's frame is the region of this name (axe landmark-unique). */}
      <section className="stack">
        <h2>{t("versions")}</h2>
        {versions.length === 0 ? (
          <p className="muted">{t("noVersions")}</p>
        ) : (
          <TableWrap label={t("versions")} stacked>
            <table {...stackedRoles.table}>
              <thead {...stackedRoles.rowgroup}>
                <tr {...stackedRoles.row}>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("version")}
                  </th>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("savedBy")}
                  </th>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("savedAt")}
                  </th>
                </tr>
              </thead>
              <tbody {...stackedRoles.rowgroup}>
                {versions.map((v) => (
                  <tr key={v.id} {...stackedRoles.row}>
                    <StackedCell label={t("version")} rowHeader>
                      {v.version}
                      {v.version === version ? <span className="muted"> ({t("inUse")})</span> : null}
                    </StackedCell>
                    <StackedCell label={t("savedBy")}>{v.createdByLabel}</StackedCell>
                    <StackedCell label={t("savedAt")}>
                      {format.dateTime(v.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </StackedCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </div>
  );
}
