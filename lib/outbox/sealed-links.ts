/**
 * A one-time link in a queued message is kept sealed (encrypted with a key of the server's, see
 * lib/server/sealing.ts) until the moment it is sent, so the outbox in the database file, a backup or the
 * outbox viewer never holds a usable link. In the stored body it is a marker the mailer opens.
 */
const MARKER = /⟦sealed:([A-Za-z0-9_.-]+)⟧/g;

export function sealedLinkMarker(sealed: string): string {
  return `⟦sealed:${sealed}⟧`;
}

/** The body with every marker replaced by what `open` makes of it (the link, for the mail; a notice, for the viewer). */
export function replaceSealedLinks(body: string, open: (sealed: string) => string): string {
  return body.replace(MARKER, (_, sealed: string) => open(sealed));
}

export function hasSealedLinks(body: string): boolean {
  return new RegExp(MARKER.source).test(body);
}
