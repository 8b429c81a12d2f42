// Runs once when the server starts. With SMTP configured, the outbox is
// drained every 15 seconds; without it nothing runs and messages wait in the
// admin outbox viewer.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.SMTP_URL) return;
  const { sendPendingMail } = await import("./lib/server/mailer");
  let busy = false;
  setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      await sendPendingMail();
    } catch (error) {
      console.error(`[outbox] ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      busy = false;
    }
  }, 15_000).unref();
}
