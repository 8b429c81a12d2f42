import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getBrandSettings } from "@/db/staff";
import { jurisdictions } from "@/lib/jurisdictions";
import { DEMO_PUBLISHABLE_KEY } from "@/lib/widget/demo-key";
import { publicBaseUrl } from "@/lib/server/base-url";
import { JacketArt } from "./jacket-art";
import { PrivacySettingsButton } from "./privacy-settings-button";
import styles from "./demo.module.css";

export const dynamic = "force-dynamic";

// ?subject= plays a signed-in customer (the brand's own id); without it the widget uses an anonymous id.
// ?jurisdiction= plays a visitor from another regime. Both only change what the page embeds.
const searchSchema = z.object({
  subject: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/)
    .optional()
    .catch(undefined),
  jurisdiction: z.enum(jurisdictions).catch("EU"),
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("embedDemo");
  return { title: { absolute: `${t("metaTitle")} · ${(await getBrandSettings())?.name ?? "Northtrail Outfitters"}` } };
}

const colours = ["fjord", "moss", "granite"] as const;
const swatch: Record<(typeof colours)[number], string> = { fjord: "#2f5f80", moss: "#56663a", granite: "#5b5f63" };
const sizes = ["XS", "S", "M", "L", "XL", "XXL"];
const features = ["membrane", "zips", "hood", "weight", "fabric"] as const;

/** A sample Northtrail product page that embeds the consent widget the way a brand's own site would. */
export default async function EmbedDemoPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = searchSchema.parse(await searchParams);
  // The page's Content-Security-Policy runs only scripts carrying this request's nonce (proxy.ts).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const [t, format, base] = await Promise.all([getTranslations("embedDemo"), getFormatter(), publicBaseUrl()]);
  const brand = (await getBrandSettings())?.name ?? "Northtrail Outfitters";
  const subjectAttr = search.subject ? ` data-subject="${search.subject}"` : "";
  const snippet = `<script src="${base}/embed/consent.js"\n  data-key="${DEMO_PUBLISHABLE_KEY}"${subjectAttr}\n  data-jurisdiction="${search.jurisdiction}" async></script>`;

  return (
    <div className={styles.page}>
      <a className={styles.skip} href="#product">
        {t("skip")}
      </a>
      <p className={styles.announce}>{t("announcement")}</p>
      <header className={styles.header}>
        <Link className={styles.logo} href="/embed/demo">
          <svg viewBox="0 0 32 24" width="32" height="24" aria-hidden="true">
            <path d="M0 24 L11 6 L17 15 L21 9 L32 24 Z" fill="currentColor" />
          </svg>
          {brand}
        </Link>
        <nav aria-label={t("navLabel")}>
          <ul className={styles.nav}>
            {(["men", "women", "packs", "guides"] as const).map((k) => (
              <li key={k}>
                <Link href="/embed/demo">{t(`nav.${k}`)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      <main className={styles.main}>
        <nav aria-label={t("breadcrumb")} className={styles.crumbs}>
          <Link href="/embed/demo">{t("crumbs.men")}</Link> / <Link href="/embed/demo">{t("crumbs.jackets")}</Link> /{" "}
          <span aria-current="page">{t("name")}</span>
        </nav>
        <div className={styles.product} id="product">
          <div className={styles.art}>
            <JacketArt label={t("artLabel", { colour: t("colours.fjord") })} />
          </div>
          <div className={styles.details}>
            <h1>{t("name")}</h1>
            <p className={styles.rating}>
              <span aria-hidden="true">★★★★★ </span>
              {t("rating")}
            </p>
            <p className={styles.price}>{format.number(249, { style: "currency", currency: "EUR" })}</p>
            <p className={styles.lead}>{t("lead")}</p>
            <fieldset className={styles.choices}>
              <legend>{t("colour")}</legend>
              {colours.map((c, i) => (
                <label key={c} className={styles.chip}>
                  <input type="radio" name="colour" value={c} defaultChecked={i === 0} />
                  <span className={styles.dot} style={{ background: swatch[c] }} aria-hidden="true" />
                  {t(`colours.${c}`)}
                </label>
              ))}
            </fieldset>
            <fieldset className={styles.choices}>
              <legend>{t("size")}</legend>
              {sizes.map((s) => (
                <label key={s} className={styles.chip}>
                  <input type="radio" name="size" value={s} defaultChecked={s === "M"} />
                  {s}
                </label>
              ))}
            </fieldset>
            <button type="button" className={styles.add}>
              {t("addToBag")}
            </button>
            <p className={styles.muted}>{t("delivery")}</p>
            <h2>{t("featuresTitle")}</h2>
            <ul className={styles.features}>
              {features.map((f) => (
                <li key={f}>{t(`features.${f}`)}</li>
              ))}
            </ul>
          </div>
        </div>

        <section className={styles.demo} aria-labelledby="about-demo">
          <h2 id="about-demo">{t("demoTitle")}</h2>
          <p>{t("demoText")}</p>
          <pre>
            <code>{snippet}</code>
          </pre>
        </section>
      </main>

      <footer className={styles.footer}>
        <span>{t("footer", { brand })}</span>
        <span className={styles.footerLinks}>
          <Link href="/notices">{t("notices")}</Link>
          <PrivacySettingsButton label={t("privacySettings")} className={styles.linkButton} />
        </span>
      </footer>

      <script
        nonce={nonce}
        src={`${base}/embed/consent.js`}
        data-key={DEMO_PUBLISHABLE_KEY}
        data-jurisdiction={search.jurisdiction}
        {...(search.subject ? { "data-subject": search.subject } : {})}
        async
      />
    </div>
  );
}
