import { REDACTED, scrubText } from "@/lib/observability/log-redaction";

/** What an erased person's address becomes once their last message has gone (or could not go). */
export const ERASED_ADDRESS = "[address erased]";

const MAX_LENGTH = 300;
// A URL's user and password (an SMTP_URL echoed in a connection error).
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The reason a send failed, fit to keep for staff: mail servers often quote the recipient
 * ("550 <ana@example.com>: unknown user"), so the recipient and any other address are removed,
 * as are credentials in a URL, bearer tokens and API keys; for an erased person's message
 * (`erased`) the address's local part too, wherever it stands. Bodies never reach it. At most
 * 300 characters.
 */
export function sendErrorText(error: unknown, recipient: string, options: { erased?: boolean } = {}): string {
  let text = error instanceof Error ? error.message : typeof error === "string" ? error : "send failed";
  text = text.replace(URL_CREDENTIALS, `$1${REDACTED}@`);
  if (recipient) text = text.replace(new RegExp(escape(recipient), "gi"), REDACTED);
  text = scrubText(text);
  const local = recipient.split("@")[0];
  // A short local part ("al") would blank out ordinary words; from three letters on it goes wherever it stands.
  if (options.erased && local.length >= 3) text = text.replace(new RegExp(escape(local), "gi"), REDACTED);
  return (text.trim() || "send failed").slice(0, MAX_LENGTH);
}
