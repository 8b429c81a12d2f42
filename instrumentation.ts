// Runs once when the server starts: hourly housekeeping (unverified requests
// close themselves) and, with SMTP configured, the outbox drained every 15
// seconds; without SMTP messages wait in the admin outbox viewer.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundJobs } = await import("./lib/server/jobs");
  startBackgroundJobs();
}
