"use client";
import { useEffect, useRef, useState } from "react";
import { bulkBoxes } from "./use-bulk-selection";

/** The queue's header checkbox: ticks or unticks every request on this page; half-ticked when only some are. */
export function BulkSelectAll({ formId, label }: { formId: string; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"none" | "some" | "all">("none");
  useEffect(() => {
    const read = () => {
      const boxes = bulkBoxes(formId);
      const ticked = boxes.filter((b) => b.checked).length;
      setState(ticked === 0 ? "none" : ticked === boxes.length ? "all" : "some");
    };
    read();
    const onChange = (event: Event) => {
      if (event.target instanceof HTMLInputElement && event.target.getAttribute("form") === formId) read();
    };
    document.addEventListener("change", onChange);
    return () => document.removeEventListener("change", onChange);
  }, [formId]);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === "some";
  }, [state]);
  const toggle = () => {
    const tick = state !== "all";
    for (const box of bulkBoxes(formId)) {
      if (box.checked === tick) continue;
      box.checked = tick;
      // The bulk form and this box read the selection from change events.
      box.dispatchEvent(new Event("change", { bubbles: true }));
    }
  };
  return <input ref={ref} type="checkbox" aria-label={label} checked={state === "all"} onChange={toggle} />;
}
