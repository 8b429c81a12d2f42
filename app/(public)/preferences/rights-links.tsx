import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isOpen } from "@/lib/requests/vocabulary";
import { listSubjectRequests } from "@/db/subjects";

/** The way to the subject's requests: the common ones one click away, and how many are open. */
export async function RightsLinks({ subjectId }: { subjectId: number }) {
  const t = await getTranslations("myRequests.link");
  const open = (await listSubjectRequests(subjectId)).filter((r) => isOpen(r.status)).length;
  return (
    <section className="card stack" aria-labelledby="rights">
      <h2 id="rights">{t("title")}</h2>
      <p style={{ margin: 0 }}>{t("body")}</p>
      <ul className="row" style={{ listStyle: "none", padding: 0, margin: 0, gap: "0.5rem 1.25rem" }}>
        <li>
          <Link href="/preferences/requests?type=access">{t("copy")}</Link>
        </li>
        <li>
          <Link href="/preferences/requests?type=rectification">{t("correct")}</Link>
        </li>
        <li>
          <Link href="/preferences/requests?type=deletion">{t("delete")}</Link>
        </li>
      </ul>
      <p style={{ margin: 0 }}>
        <Link href="/preferences/requests" className="button secondary">
          {t("open")}
        </Link>{" "}
        {open > 0 ? <span className="muted">{t("openCount", { count: open })}</span> : null}
      </p>
    </section>
  );
}
