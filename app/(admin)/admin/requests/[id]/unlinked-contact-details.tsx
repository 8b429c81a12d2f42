import { getTranslations } from "next-intl/server";
import { unlinkedContact } from "@/lib/requests/unlinked-contact";

/** The contact details staff took down for a request that matches no known customer, as labelled facts. */
export async function UnlinkedContactDetails({ details }: { details: string | null }) {
  const t = await getTranslations("requestDetail");
  const contact = unlinkedContact(details);
  if (!details)
    return (
      <p>
        {t("unlinked")} {t("erased")}
      </p>
    );
  if (!contact)
    return (
      <p>
        {t("unlinked")} {details}
      </p>
    );
  const facts = [
    ["email", contact.email],
    ["externalId", contact.externalId],
    ["contactName", contact.name],
    ["details", contact.note],
  ] as const;
  return (
    <>
      <p>{t("unlinked")}</p>
      <dl className="facts">
        {facts.map(([key, value]) =>
          value ? (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd>{value}</dd>
            </div>
          ) : null,
        )}
      </dl>
    </>
  );
}
