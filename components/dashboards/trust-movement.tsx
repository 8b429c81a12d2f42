"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, Cell, ReferenceLine, ResponsiveContainer, Text, XAxis, YAxis } from "recharts";
import type { Period } from "@/lib/metrics/period";
import type { TrustMovement as Movement } from "@/lib/metrics/trust-contributions";
import type { TrustIndicatorId } from "@/lib/metrics/trust-score";
import type { ExplainingView } from "@/lib/metrics/trust-views";
import { palette } from "./chart-kit";

type Props = {
  movement: Movement | null;
  score: number | null;
  previousScore: number | null;
  previousPeriod: Period | null;
  /** The views this user may open that explain each indicator; an indicator without one gets no link. */
  views: Partial<Record<TrustIndicatorId, ExplainingView>>;
};

/** A category label on the chart, wrapped onto lines so a long indicator name fits a phone. */
function IndicatorTick({
  x,
  y,
  payload,
  breakAll,
}: {
  x?: number | string;
  y?: number | string;
  payload?: { value: string };
  /** Japanese has no spaces between words: break anywhere. */
  breakAll?: boolean;
}) {
  return (
    <Text x={Number(x)} y={Number(y)} width={112} breakAll={breakAll} textAnchor="end" verticalAnchor="middle" fontSize={11} fill="#57606a">
      {payload?.value ?? ""}
    </Text>
  );
}

/**
 * What moved the trust score since the previous period: a sentence naming the
 * indicators largest first, a bar per indicator (gains right, losses left) and,
 * beside it, the same figures as a list with a link to the view that explains each.
 */
export function TrustMovement({ movement, score, previousScore, previousPeriod, views }: Props) {
  const t = useTranslations("dashboards.trust.moved");
  const indicatorName = useTranslations("dashboards.trust.indicators");
  const nav = useTranslations("shell.nav");
  const locale = useLocale();
  const unsigned = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const dayText = (d: string) => day.format(new Date(`${d}T00:00:00Z`));
  const parts = movement?.contributions ?? [];
  const moved = parts.filter((c) => c.points !== 0);
  const partText = (c: (typeof parts)[number]) =>
    t(c.points > 0 ? "added" : "took", { name: indicatorName(c.id), n: unsigned.format(Math.abs(c.points)) });
  const listFormat = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  const rows = parts.map((c) => ({ id: c.id, name: indicatorName(c.id), points: c.points }));
  // A symmetric axis, gains right and losses left, in whole points (half a point when every part is smaller).
  const reach = Math.max(...parts.map((c) => Math.abs(c.points)), 0);
  const half = reach <= 0.5 ? 0.5 : Math.ceil(reach);
  const tickText = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" });
  return (
    <section className="card stack trust-movement" aria-labelledby="trust-movement-title" data-testid="trust-movement">
      <h2 id="trust-movement-title">{t("title")}</h2>
      {movement && previousPeriod && score !== null && previousScore !== null ? (
        <>
          <p data-testid="trust-movement-sentence">
            {t("lead", {
              from: dayText(previousPeriod.from),
              to: dayText(previousPeriod.to),
              before: previousScore,
              now: score,
              change: signed.format(movement.change),
              parts: moved.length ? t("parts", { parts: listFormat.format(moved.map(partText)) }) : t("nothing"),
            })}
          </p>
          <p className="muted small">{t("description")}</p>
          <div className="movement-body">
            <div className="movement-chart" role="img" aria-label={t("chartSummary")} data-chart="trust-movement">
              <ResponsiveContainer width="100%" height={rows.length * 42 + 30}>
                <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
                  <XAxis
                    type="number"
                    domain={[-half, half]}
                    ticks={[-half, -half / 2, 0, half / 2, half]}
                    tick={{ fontSize: 11, fill: "#57606a" }}
                    tickFormatter={(v) => tickText.format(v)}
                  />
                  <YAxis type="category" dataKey="name" width={120} interval={0} tick={<IndicatorTick breakAll={locale === "ja"} />} />
                  <ReferenceLine x={0} stroke="#57606a" />
                  <Bar dataKey="points" isAnimationActive={false}>
                    {rows.map((r) => (
                      <Cell key={r.id} fill={r.points < 0 ? palette.withdrawn : palette.granted} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
            <table className="movement-table">
              <caption className="visually-hidden">{t("tableCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("indicator")}</th>
                  <th scope="col" className="num">
                    {t("points")}
                  </th>
                  <th scope="col">{t("explainedIn")}</th>
                </tr>
              </thead>
              <tbody>
                {parts.map((c) => {
                  const view = views[c.id];
                  return (
                    <tr key={c.id}>
                      <th scope="row">
                        {indicatorName(c.id)}
                        {c.kind === "changed" ? null : <span className="muted small"> ({t(c.kind)})</span>}
                      </th>
                      <td className={`num ${c.points > 0 ? "good" : c.points < 0 ? "bad" : ""}`}>{signed.format(c.points)}</td>
                      <td>{view ? <Link href={view.href}>{nav(view.section)}</Link> : <span className="muted">—</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="muted">{t("noComparison")}</p>
      )}
    </section>
  );
}
