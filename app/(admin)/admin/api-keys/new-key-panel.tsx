"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { NewKey } from "./actions";

/** Shows a new key's plaintext once, with copy-to-clipboard; it is gone after dismissal or reload. */
export function NewKeyPanel({ created }: { created: NewKey }) {
  const t = useTranslations("apiKeys");
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const [dismissed, setDismissed] = useState(false);

  // Move focus to the key, so keyboard and screen-reader users land on what they must copy.
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  if (dismissed) return null;

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.plaintext);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): the field stays selectable.
      inputRef.current?.select();
      setCopied("failed");
    }
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`} style={{ borderColor: "#f0d58c" }}>
      <h2 id={`${id}-title`}>{t("newKeyTitle", { name: created.name })}</h2>
      <p className="alert warn" style={{ margin: 0 }}>
        {t("newKeyWarning")}
      </p>
      <div className="field">
        <label htmlFor={`${id}-key`}>{t(created.kind === "secret" ? "newSecretKey" : "newPublishableKey")}</label>
        <div className="row">
          <input
            ref={inputRef}
            id={`${id}-key`}
            readOnly
            value={created.plaintext}
            spellCheck={false}
            style={{ fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", flex: "1 1 28rem", minWidth: 0 }}
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
