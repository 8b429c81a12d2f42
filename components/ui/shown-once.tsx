"use client";
import { useEffect, useId, useRef, useState } from "react";

export type ShownOnceWords = {
  title: string;
  warning: string;
  label: string;
  copy: string;
  copied: string;
  copyFailed: string;
  dismiss: string;
};

/**
 * A credential shown once (an API key, a webhook secret, a feed key), with copy-to-clipboard: only its hash
 * or the store keeps it, so it is gone after dismissal or reload. Focus lands on it for keyboard and
 * screen-reader users. The caller gives the words, in the reader's language.
 */
export function ShownOnce({ value, words, heading = "h3" }: { value: string; words: ShownOnceWords; heading?: "h2" | "h3" }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const Heading = heading;

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
      <Heading id={`${id}-title`} style={{ margin: 0 }}>
        {words.title}
      </Heading>
      <p className="alert warn" style={{ margin: 0 }}>
        {words.warning}
      </p>
      <div className="field">
        <label htmlFor={`${id}-value`}>{words.label}</label>
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
            {words.copy}
          </button>
        </div>
        <span className="help" aria-live="polite" role="status">
          {copied === "yes" ? words.copied : copied === "failed" ? words.copyFailed : ""}
        </span>
      </div>
      <div>
        <button type="button" className="button secondary" onClick={() => setDismissed(true)}>
          {words.dismiss}
        </button>
      </div>
    </section>
  );
}
