"use client";
import { useCallback, useEffect, useState } from "react";

/** A request ticked in the queue: the checkbox's value is its id, data-ref its reference. */
export type Selected = { id: string; ref: string };

/** The queue's row checkboxes that belong to the bulk form `formId` (through the HTML form attribute). */
export function bulkBoxes(formId: string): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=ids][form="${CSS.escape(formId)}"]`)];
}

/**
 * The requests ticked for the bulk form, kept up to date as boxes change: the rows are rendered on the server,
 * outside the form, so the form listens for their changes on the document.
 */
export function useBulkSelection(formId: string) {
  const [selected, setSelected] = useState<Selected[]>([]);
  const read = useCallback(
    () => setSelected(bulkBoxes(formId).flatMap((b) => (b.checked ? [{ id: b.value, ref: b.dataset.ref ?? b.value }] : []))),
    [formId],
  );
  useEffect(() => {
    // Read once the rows are there (a box may arrive ticked, as the browser left it on a page restored from history).
    const frame = requestAnimationFrame(read);
    const onChange = (event: Event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.getAttribute("form") === formId) read();
    };
    document.addEventListener("change", onChange);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("change", onChange);
    };
  }, [formId, read]);
  return selected;
}

/** Unticks every box of the bulk form, telling whoever listens (the form's count, the header box) as a click would. */
export function clearBulkSelection(formId: string) {
  for (const box of bulkBoxes(formId)) {
    if (!box.checked) continue;
    box.checked = false;
    box.dispatchEvent(new Event("change", { bubbles: true }));
  }
}
