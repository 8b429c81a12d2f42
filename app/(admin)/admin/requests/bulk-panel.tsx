import { getTranslations } from "next-intl/server";
import type { DataColumn } from "@/components/ui/data-table";
import { BulkForm } from "@/components/requests/bulk-form";
import { BulkSelectAll } from "@/components/requests/bulk-select-all";
import { listRequestAssignees } from "@/db/requests";
import { bulkRequestsAction } from "./bulk-actions";

/** The id of the queue's bulk form, which each row's checkbox names in its form attribute. */
const FORM_ID = "bulk-requests";

/** The queue's bulk form (for privacy officers): what to do to the ticked requests, reviewed before it is applied. */
export async function BulkPanel() {
  const assignees = await listRequestAssignees();
  return <BulkForm formId={FORM_ID} action={bulkRequestsAction} assignees={assignees.map((a) => ({ value: a.id, label: a.name }))} />;
}

/** The queue's first column: a box per request, named by its reference, and one in the header for the whole page. */
export async function bulkSelectColumn<R extends { id: number; ref: string }>(): Promise<DataColumn<R>> {
  const t = await getTranslations("bulk");
  return {
    key: "select",
    header: <BulkSelectAll formId={FORM_ID} label={t("selectAll")} />,
    cell: (r) => (
      <input
        type="checkbox"
        name="ids"
        value={r.id}
        form={FORM_ID}
        data-ref={r.ref}
        autoComplete="off"
        aria-label={t("select", { ref: r.ref })}
      />
    ),
  };
}
