import { auditDetailLines } from "@/lib/audit/details";
import { Breakable } from "@/components/ui/breakable";

/** An audit entry's details, one field a line, wrapping within the column instead of running off the table. */
export function AuditDetails({ details }: { details: string }) {
  const lines = auditDetailLines(details);
  if (lines.length === 0) return null;
  // Details that are not an object come back as one unnamed line, shown as stored.
  if (!lines[0].key)
    return (
      <code className="audit-details audit-raw">
        <Breakable text={lines[0].value} />
      </code>
    );
  return (
    // Fields and values as the hash-chained record stores them (codes such as in_progress): never translated.
    <dl className="audit-details" translate="no">
      {lines.map((l, i) => (
        <div key={`${i}-${l.key}`}>
          <dt>{l.key}</dt>
          <dd>
            <Breakable text={l.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
