"use server";
import { summarizeReceipt, verifyReceiptSchema } from "@/lib/receipts/verify-input";
import { runPublicAction, type ActionResult } from "@/lib/server/action";
import { getDateFormatter } from "@/lib/server/format";
import { checkReceipt } from "@/lib/server/receipt-signing";

type Moment = { text: string; iso: string };
export type VerifyOutcome = {
  status: "authentic" | "not-authentic" | "unknown-key" | "malformed";
  kid: string | null;
  key: { created: Moment; retired: Moment | null } | null;
  /** What the receipt says; only for an authentic one, so nothing unproven is shown as the brand's word. */
  receipt: {
    recordId: string;
    subjectId: string;
    controller: string | null;
    language: string | null;
    notice: { title: string; version: number };
    purposes: { id: string; title: string; lawfulBasis: string; channel: string | null }[];
    state: string;
    at: Moment;
    validityDays: number | "until-withdrawn" | null;
    jurisdiction: string;
    gpc: boolean;
  } | null;
};

const validityOf = (v: string | null) =>
  v === "until_withdrawn" ? "until-withdrawn" : v && /^P\d+D$/.test(v) ? Number(v.slice(1, -1)) : null;

/** Checks a pasted receipt on the server against the published keys (current and retired); public, no session. */
export async function verifyReceiptAction(_prev: ActionResult<VerifyOutcome>, form: FormData): Promise<ActionResult<VerifyOutcome>> {
  return runPublicAction(verifyReceiptSchema, form, async ({ receipt }) => {
    const [check, format] = await Promise.all([checkReceipt(receipt), getDateFormatter()]);
    const moment = (d: Date): Moment => ({ text: format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }), iso: d.toISOString() });
    const key =
      "key" in check ? { created: moment(check.key.createdAt), retired: check.key.retiredAt ? moment(check.key.retiredAt) : null } : null;
    const kid = "key" in check ? check.key.kid : check.status === "unknown-key" ? check.kid : null;
    const summary = check.status === "authentic" ? summarizeReceipt(check.payload) : null;
    if (check.status === "authentic" && !summary) return { ok: true, data: { status: "malformed", kid, key, receipt: null } };
    return {
      ok: true,
      data: {
        status: check.status,
        kid,
        key,
        receipt: summary && {
          ...summary,
          notice: { title: summary.notice.title, version: summary.notice.version },
          at: moment(summary.at),
          validityDays: validityOf(summary.validity),
        },
      },
    };
  });
}
