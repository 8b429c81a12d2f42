/**
 * The message namespaces the browser is sent, by part of the app. Client components translate in the browser, so
 * their messages travel with every page in its React payload; the whole catalog is ~170 KB, which made the
 * preference center a 288 KB page and most of its render time (issue 22's mixed load). Staff pages keep the whole
 * catalog; the public pages, sign-in and the rest get only what their client components use.
 * app/client-namespaces.test.ts reads the import graph of each part and fails when a client component there uses a
 * namespace its list lacks.
 */
export const clientNamespaces = {
  /** Pages outside the route groups (the home page, not-found, the export and widget demo pages). */
  root: ["common"],
  /** app/(public): the notices, the preference center, requests, receipts, incidents, transparency. */
  public: ["common", "myRequests", "preferences", "receipts", "requests", "vocabulary"],
  /** app/(auth): sign-in and invitations. */
  auth: ["common", "errors", "invite", "login"],
} as const satisfies Record<string, readonly string[]>;

/** The catalog cut to the namespaces named (those it has). */
export function pickMessages<M extends Record<string, unknown>>(messages: M, namespaces: readonly string[]): Partial<M> {
  return Object.fromEntries(namespaces.filter((n) => n in messages).map((n) => [n, messages[n]])) as Partial<M>;
}
