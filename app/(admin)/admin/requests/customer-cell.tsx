import Link from "next/link";
import type { QueueCustomer } from "@/db/requests";
import { Breakable } from "@/components/ui/breakable";

type Labels = { notLinked: string; none: string };

/**
 * Who a request is from: the linked person's email (or external id when there is none), linking to their record;
 * for an unlinked request the contact staff took down, muted, since no record stands behind it.
 */
export function CustomerCell({ customer, labels }: { customer: QueueCustomer | null | undefined; labels: Labels }) {
  if (customer && "uid" in customer)
    return (
      <Link href={`/admin/subjects/${encodeURIComponent(customer.uid)}`}>
        <Breakable text={customer.email ?? customer.externalId ?? customer.uid} />
      </Link>
    );
  const contact = customer?.contact;
  const given = contact ? (contact.email ?? contact.externalId ?? contact.name) : null;
  if (!given) return <span className="muted">{labels.none}</span>;
  return (
    <span className="muted">
      <Breakable text={given} /> <span className="visually-hidden">{labels.notLinked}</span>
    </span>
  );
}
