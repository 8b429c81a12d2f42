"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { JurisdictionCounts } from "@/lib/incidents/affected";

/** A selection run as GET /api/admin/incidents/{id}/affected/runs/{run} answers it. */
export type AffectedRun = {
  id: string;
  status: "running" | "ready" | "failed" | "stopped";
  done: number;
  counts: JurisdictionCounts;
  found: number;
  elapsedMs: number;
  list: {
    read: number;
    duplicates: number;
    invalid: number;
    unknown: number;
    invalidEntries: { line: number; value: string }[];
    unknownEntries: string[];
  } | null;
};

/** Field → catalog keys of the refusal; "form" for a refusal of the whole request. */
export type RunErrors = Record<string, string[]>;

type Problem = { status?: number; detail?: string; errors?: { field?: string; code?: string; detail?: string }[] };

const POLL_MS = 400;

/** The problem's field errors as catalog keys: our own refusals travel in `detail` (custom issues) or `code` (lists). */
function errorsOf(problem: Problem): RunErrors {
  const out: RunErrors = {};
  for (const e of problem.errors ?? []) {
    const field = (e.field ?? "form").replace(/\[\d+\]$/, "");
    const key = e.code && e.code !== "custom" && !e.code.startsWith("invalid_") ? e.code : (e.detail ?? "invalid");
    (out[field] ??= []).push(/^[a-z-]+$/.test(key) ? key : "invalid");
  }
  if (Object.keys(out).length === 0) out.form = [problem.status === 409 ? "incident-closed" : "unexpected"];
  return out;
}

/**
 * Starts selection runs for an incident and follows the newest until it is ready: a run started while another is
 * under way replaces it (the server stops the older one), so counts always belong to the latest criteria.
 */
export function useAffectedRun(incidentId: number) {
  const [run, setRun] = useState<AffectedRun | null>(null);
  const [errors, setErrors] = useState<RunErrors>({});
  const latest = useRef(0);
  const base = `/api/admin/incidents/${incidentId}/affected/runs`;

  const start = useCallback(
    async (body: unknown) => {
      const ticket = ++latest.current;
      setErrors({});
      try {
        const response = await fetch(base, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
        if (ticket !== latest.current) return;
        if (!response.ok) {
          setRun(null);
          setErrors(errorsOf((await response.json().catch(() => ({ status: response.status }))) as Problem));
          return;
        }
        setRun((await response.json()) as AffectedRun);
      } catch {
        if (ticket === latest.current) setErrors({ form: ["unexpected"] });
      }
    },
    [base],
  );

  const clear = useCallback(() => {
    latest.current++;
    setRun(null);
    setErrors({});
  }, []);

  useEffect(() => {
    if (!run || run.status !== "running") return;
    const ticket = latest.current;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`${base}/${run.id}`, { cache: "no-store" });
        if (ticket !== latest.current) return;
        if (response.ok) setRun((await response.json()) as AffectedRun);
        else setRun({ ...run, status: "failed" });
      } catch {
        if (ticket === latest.current) setRun({ ...run, status: "failed" });
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [run, base]);

  return { run, errors, start, clear };
}
