import { getTranslations } from "next-intl/server";
import type { ShortLayer } from "@/lib/notices/required-elements";

const order = ["what", "why", "benefit", "retention", "recipients", "withdraw", "refusal", "contact"] as const;

/** The first layer of a notice: one plain answer per question a reader asks. */
export async function ShortLayerList({ layer }: { layer: Partial<ShortLayer> }) {
  const t = await getTranslations("publicNotice.layer");
  return (
    <dl className="facts">
      {order
        .filter((k) => layer[k]?.trim())
        .map((k) => (
          <div key={k}>
            <dt>{t(k)}</dt>
            <dd>{layer[k]}</dd>
          </div>
        ))}
    </dl>
  );
}

/** Plain text with blank-line paragraphs, as authors type it. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i} style={{ whiteSpace: "pre-line" }}>
            {p}
          </p>
        ))}
    </>
  );
}
