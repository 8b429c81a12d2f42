export type VersionSummary = {
  locale: string;
  status: "draft" | "in_review" | "published" | "superseded";
  version: number;
  publishedAt: Date | null;
};

export type TranslationState = "current" | "outdated" | "missing";

export type LocaleStatus = {
  locale: string;
  state: TranslationState;
  published: { version: number; publishedAt: Date } | null;
  working: { version: number; status: "draft" | "in_review" } | null;
};

/**
 * Per locale: is there a published notice, and is it at least as new as the
 * English one? A locale published before English's latest publication is
 * outdated: its readers may be told something English no longer says.
 */
export function translationStatus(locales: readonly string[], versions: VersionSummary[], reference = "en"): LocaleStatus[] {
  const latestPublished = (locale: string) =>
    versions.filter((v) => v.locale === locale && v.status === "published" && v.publishedAt).sort((a, b) => b.version - a.version)[0];
  const ref = latestPublished(reference);
  return locales.map((locale) => {
    const pub = latestPublished(locale);
    const open = versions.find((v) => v.locale === locale && (v.status === "draft" || v.status === "in_review"));
    let state: TranslationState = "missing";
    if (pub) state = locale !== reference && ref && pub.publishedAt! < ref.publishedAt! ? "outdated" : "current";
    return {
      locale,
      state,
      published: pub ? { version: pub.version, publishedAt: pub.publishedAt! } : null,
      working: open ? { version: open.version, status: open.status as "draft" | "in_review" } : null,
    };
  });
}
