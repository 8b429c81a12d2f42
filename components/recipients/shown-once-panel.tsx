"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";

/**
 * A webhook secret or a feed key, shown once with copy-to-clipboard: only its hash (a key) or the store
 * (a secret, which never leaves it again) keeps it, so it is gone after dismissal or reload.
 */
export function ShownOncePanel({
  kind,
  value,
  recipientName,
}: {
  kind: "webhook-secret" | "feed-key";
  value: string;
  recipientName: string;
}) {
  const t = useTranslations("recipients.shownOnce");
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const [dismissed, setDismissed] = useState(false);

  // Focus lands on what must be copied, for keyboard and screen-reader users.
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  if (dismissed) return null;

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): the field stays selectable.
      inputRef.current?.select();
      setCopied("failed");
    }
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`} style={{ borderColor: "#f0d58c" }}>
      <h3 id={`${id}-title`} style={{ margin: 0 }}>
        {t(`${kind}.title`, { name: recipientName })}
      </h3>
      <p className="alert warn" style={{ margin: 0 }}>
        {t(`${kind}.warning`)}
      </p>
      <div className="field">
        <label htmlFor={`${id}-value`}>{t(`${kind}.label`)}</label>
        <div className="row">
          <input
            ref={inputRef}
            id={`${id}-value`}
            readOnly
            value={value}
            spellCheck={false}
            className="mono"
            style={{ flex: "1 1 20rem", minWidth: 0 }}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="button" onClick={copy}>
            {t("copy")}
          </button>
        </div>
        <span className="help" aria-live="polite" role="status">
          {copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}
        </span>
      </div>
      <div>
        <button type="button" className="button secondary" onClick={() => setDismissed(true)}>
          {t("dismiss")}
        </button>
      </div>
    </section>
  );
}
