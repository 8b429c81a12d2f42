"use client";
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

/** A submit button that shows when its form is busy and ignores double clicks. */
export function SubmitButton({
  children,
  className = "button",
  pendingLabel,
}: {
  children: ReactNode;
  className?: string;
  pendingLabel?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
