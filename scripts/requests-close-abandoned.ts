import { closeAbandonedRequests, requestPolicy } from "@/db/requests/workflow";

// Closes requests still waiting for identity verification after the brand's
// period (Admin → Requests → Policy), telling each person why. The server runs
// this every hour; this command is for cron-driven or one-off runs.
const closed = closeAbandonedRequests();
console.log(
  `Closed ${closed} request${closed === 1 ? "" : "s"} left unverified for more than ${requestPolicy().unverifiedCloseDays} days.`,
);
