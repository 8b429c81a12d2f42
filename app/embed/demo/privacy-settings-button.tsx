"use client";

type CandorConsent = { open: () => void };

/** A footer control like a real shop's: it re-opens the consent widget through the API the widget exposes. */
export function PrivacySettingsButton({ label, className }: { label: string; className?: string }) {
  return (
    <button
      type="button"
      className={className}
      onClick={() => (window as Window & { candorConsent?: CandorConsent }).candorConsent?.open()}
    >
      {label}
    </button>
  );
}
