"use client";
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { progressPercent, type NoticeBatchProgress, type NoticeBatchStatus } from "@/lib/incidents/notice-batches";
import { queryKeys } from "@/lib/query-keys";

type Row = NoticeBatchProgress & { id: number; status: NoticeBatchStatus };

/**
 * A batch's progress bar and counts. While the batch sends, or the outbox still has its messages, the counts are
 * read again each second (GET /api/admin/incidents/[id]/notices); when it finishes the page is drawn again.
 */
export function BatchProgress({ incidentId, initial, drill }: { incidentId: number; initial: Row; drill: boolean }) {
  const t = useTranslations("incidentNotices.batches");
  const router = useRouter();
  const live =
    initial.status === "sending" ||
    (initial.status === "sent" && !drill && initial.sent + initial.failed + initial.publicCount < initial.people);
  const { data } = useQuery<Row[]>({
    queryKey: queryKeys.incidentNotices(incidentId),
    enabled: live,
    refetchInterval: (q) => {
      const row = (q.state.data as Row[] | undefined)?.find((b) => b.id === initial.id);
      if (!row) return 1000;
      const settled = row.status !== "sending" && (drill || row.sent + row.failed + row.publicCount >= row.people);
      return settled ? false : 1000;
    },
    queryFn: async ({ signal }): Promise<Row[]> => {
      const response = await fetch(`/api/admin/incidents/${incidentId}/notices`, { signal, headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`notices answered ${response.status}`);
      return (await response.json()) as Row[];
    },
  });
  const row = data?.find((b) => b.id === initial.id) ?? initial;
  const status = useRef(initial.status);
  useEffect(() => {
    if (status.current !== row.status) {
      status.current = row.status;
      router.refresh();
    }
  }, [row.status, router]);
  const percent = progressPercent(row);
  return (
    <div className="stack" style={{ gap: "0.35rem" }}>
      <label htmlFor={`progress-${row.id}`} style={{ fontWeight: 600, fontSize: "0.9rem" }}>
        {t("progress")}
      </label>
      <progress
        id={`progress-${row.id}`}
        max={100}
        value={percent}
        style={{ width: "100%" }}
        aria-describedby={`progress-${row.id}-text`}
      />
      <p id={`progress-${row.id}-text`} style={{ margin: 0 }} data-testid={`batch-${row.id}-progress`}>
        {t("progressText", { done: row.done, people: row.people, percent })}
      </p>
      <ul className="stack" style={{ gap: "0.15rem", margin: 0, paddingInlineStart: "1.2rem" }}>
        {drill ? (
          <li data-testid={`batch-${row.id}-recorded`}>
            {t("recorded")}: {row.done}
          </li>
        ) : (
          <>
            <li data-testid={`batch-${row.id}-sent`}>
              {t("sent")}: {row.sent}
            </li>
            <li>
              {t("failed")}: {row.failed}
            </li>
            <li>
              {t("public")}: {row.publicCount}
            </li>
          </>
        )}
      </ul>
    </div>
  );
}
