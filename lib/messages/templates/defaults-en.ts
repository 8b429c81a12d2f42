import type { TemplateDefaults } from "./vocabulary";

const greeting = "Hello,";
const signature = "Kind regards,\nThe {brand} privacy team\n{contact}";

/** The shipped English wording: what a person is sent until the privacy officer saves their own. */
export const defaultsEn: TemplateDefaults = {
  "request-received": {
    subject: "We have received your request {ref}",
    greeting,
    body: "Thank you for contacting {brand} about your personal data. We received your request {ref} on {received} and will answer by {due} at the latest.\n\nYou can follow your request here:\n{link}",
    signature,
  },
  "request-code": {
    subject: "Your verification code for request {ref}",
    greeting,
    body: "To confirm it is really you who asked {brand} about your data (request {ref}), give us this code: {code}\n\nIt works for 10 minutes. If you did not make this request, ignore this message.",
    signature,
  },
  "request-extended": {
    subject: "We need more time for request {ref}",
    greeting,
    body: "We are extending the deadline for your request {ref} to {due}.\n\nWhy: {reason}",
    signature,
  },
  "request-rejected": {
    subject: "We could not act on request {ref}",
    greeting,
    body: "We cannot act on your request {ref}.\n\nWhy: {reason}\n\n{complaint}",
    signature,
  },
  "request-completed": {
    subject: "Request {ref} is done",
    greeting,
    body: "We have completed your request {ref}: {what}",
    signature,
  },
  "request-export": {
    subject: "Your data from {brand} is ready ({ref})",
    greeting,
    body: "You can download everything {brand} holds about you here for 7 days:\n{link}\n\nAdd ?format=csv or ?format=html to the link for a spreadsheet or a readable page.",
    signature,
  },
  // GDPR Art. 12(3), CCPA §7022 and §7101 (the record kept), PIPA Art. 36, APPI Art. 35: the person is told, and told what remains.
  "request-erased": {
    subject: "Your personal data has been erased ({ref})",
    greeting,
    body: "As you asked in request {ref} of {received}, {brand} has erased your personal data.\n\nWhat we keep, and why:\n- A record of your request: its reference, type and dates, and our answer. We keep request records for {months} months to be able to show that we honoured your request, then delete them.\n- A suppression record: a one-way hash of the identifiers we knew you by (such as your email address), from which they cannot be read back. It lets us make sure we never contact you again or collect your data under them.\n\nYour email address was kept only to send you this message and is erased once it has been sent.",
    signature,
  },
  "notice-reconsent": {
    subject: '{brand}: please choose again about "{title}"',
    greeting,
    body: 'We have changed how we use your personal data for "{title}".\n\n{changes}\n\nBecause this is a significant change, we will not rely on your earlier choice. Please read the new notice and choose again:\n{link}\n\nThe notice: {notice}\n\nUntil you choose, we treat your answer as no.',
    signature,
  },
  "policy-change": {
    subject: "{brand}: we updated our privacy policy",
    greeting,
    body: "We have updated our privacy policy.\n\n{changes}\n\nThis does not change any choice you have made, and you do not need to do anything. You can read the policy here:\n{link}",
    signature,
  },
  // Issue 21: PIPA Art. 34(1) and GDPR Art. 34(2) name what a breach notice must say; {contact} is where to ask or report harm.
  "incident-notice": {
    subject: "{brand}: important notice about your personal data ({ref})",
    greeting,
    body: "We are writing to tell you about a security incident that involves your personal data.\n\nWhat happened: {happened}\n\nWhat information was involved: {data}\n\nWhat we are doing: {measures}\n\nWhat you can do:\n{advice}\n\nIf you have questions, or if you think you have been harmed, contact us at {contact}. We are sorry for the worry this causes.",
    signature,
  },
};
