"use client";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { maxReceiptLength } from "@/lib/receipts/verify-input";
import { verifyReceiptAction, type VerifyOutcome } from "./actions";

/** The paste box and, once checked, the verdict, the key that signed and what the receipt says. */
export function VerifyForm() {
  const t = useTranslations("receipts.verify");
  const { state, form } = useFormAction(verifyReceiptAction);
  const errors = state.ok ? [] : (state.fieldErrors?.receipt ?? []);
  const outcome = state.ok ? state.data : undefined;
  return (
    <div className="stack">
      <form {...form} className="stack" noValidate aria-label={t("title")}>
        <div className="field">
          <label htmlFor="receipt">{t("label")}</label>
          <textarea
            id="receipt"
            name="receipt"
            rows={8}
            required
            spellCheck={false}
            autoComplete="off"
            maxLength={maxReceiptLength + 2000}
            style={{ fontFamily: "var(--font-mono, monospace)", wordBreak: "break-all" }}
            aria-describedby="receipt-help receipt-error"
            aria-invalid={errors.length ? true : undefined}
          />
          <span className="muted" id="receipt-help">
            {t("help")}
          </span>
          <span className="error" id="receipt-error" aria-live="polite">
            {errors.map((k) => (t.has(`errors.${k}`) ? t(`errors.${k}`) : t("errors.receipt-not-jws"))).join(" ")}
          </span>
        </div>
        <div>
          <SubmitButton>{t("submit")}</SubmitButton>
        </div>
      </form>
      <div aria-live="polite">{outcome ? <Outcome outcome={outcome} /> : null}</div>
    </div>
  );
}

function Outcome({ outcome }: { outcome: VerifyOutcome }) {
  const t = useTranslations("receipts.verify");
  const ok = outcome.status === "authentic";
  return (
    <section className="stack" aria-labelledby="verdict" data-verdict={outcome.status}>
      <h2 id="verdict" className={`alert ${ok ? "ok" : "error"}`} style={{ fontSize: "1.05rem", margin: 0 }}>
        {t(`result.${outcome.status}`)}
      </h2>
      {outcome.kid ? (
        <section className="card stack" aria-labelledby="signing-key">
          <h3 id="signing-key">{ok ? t("key") : t("claimedKey")}</h3>
          <dl className="stack" style={{ margin: 0 }}>
            <Row label={t("kid")}>
              <code style={{ wordBreak: "break-all" }}>{outcome.kid}</code>
            </Row>
            {outcome.key ? (
              <>
                <Row label={t("keyCreated")}>
                  <time dateTime={outcome.key.created.iso}>{outcome.key.created.text}</time>
                </Row>
                {outcome.key.retired ? (
                  <Row label={t("keyRetired")}>
                    <time dateTime={outcome.key.retired.iso}>{outcome.key.retired.text}</time>
                  </Row>
                ) : (
                  <Row label={t("keyStatus")}>{t("keyCurrent")}</Row>
                )}
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
      {outcome.receipt ? <Says receipt={outcome.receipt} /> : null}
    </section>
  );
}

function Says({ receipt: r }: { receipt: NonNullable<VerifyOutcome["receipt"]> }) {
  const t = useTranslations("receipts.verify");
  const tv = useTranslations("vocabulary");
  const label = (ns: string, v: string) => (tv.has(`${ns}.${v}`) ? tv(`${ns}.${v}`) : v);
  const lang = r.language ?? undefined;
  return (
    <section className="card stack" aria-labelledby="receipt-says">
      <h3 id="receipt-says">{t("says")}</h3>
      <dl className="stack" style={{ margin: 0 }}>
        {r.controller ? (
          <Row label={t("controller")}>
            <span translate="no">{r.controller}</span>
          </Row>
        ) : null}
        {r.purposes.map((p) => (
          <Row key={p.id} label={t("purpose")}>
            <span lang={lang}>{p.title}</span>
            <div className="muted">
              {label("basis", p.lawfulBasis)}
              {p.channel ? ` · ${label("channel", p.channel)}` : ""}
            </div>
          </Row>
        ))}
        <Row label={t("state")}>
          <strong>{t.has(`states.${r.state}`) ? t(`states.${r.state}`) : r.state}</strong>
          {r.gpc ? <div className="muted">{t("gpc")}</div> : null}
        </Row>
        <Row label={t("at")}>
          <time dateTime={r.at.iso}>{r.at.text}</time>
        </Row>
        {r.validityDays !== null ? (
          <Row label={t("validity")}>
            {r.validityDays === "until-withdrawn" ? t("untilWithdrawn") : t("validFor", { days: r.validityDays })}
          </Row>
        ) : null}
        <Row label={t("notice")}>
          <span lang={lang}>{t("noticeVersion", { title: r.notice.title, version: r.notice.version })}</span>
        </Row>
        <Row label={t("jurisdiction")}>{label("jurisdiction", r.jurisdiction)}</Row>
        <Row label={t("recordId")}>
          <code style={{ wordBreak: "break-all" }}>{r.recordId}</code>
        </Row>
        <Row label={t("subjectId")}>
          <code style={{ wordBreak: "break-all" }}>{r.subjectId}</code>
        </Row>
      </dl>
    </section>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="muted">{label}</dt>
      <dd style={{ margin: 0 }}>{children}</dd>
    </div>
  );
}
