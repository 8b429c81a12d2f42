import type { Instrumentation } from "next";

// Runs once when the server starts: the configuration is read and checked (a bad
// variable stops the server here, named), then hourly housekeeping (unverified
// requests close themselves), the daily retention sweep and, with SMTP configured,
// the outbox drained every 15 seconds; without SMTP messages wait in the admin
// outbox viewer; and, unless DELIVERIES_DISPATCHER=off, the dispatcher that sends
// recipients their deliveries. (NEXT_RUNTIME is Next's own, not configuration.)
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfigAtStart } = await import("./lib/server/config");
  checkConfigAtStart();
  const { startBackgroundJobs } = await import("./lib/server/jobs");
  startBackgroundJobs();
}

// An error no handler caught (pages, server actions, route handlers outside apiRoute),
// logged with the request id and the route's pattern: the concrete path may carry ids or tokens.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("./lib/server/log");
  const requestId = request.headers["x-request-id"];
  log.error(
    {
      err: error,
      requestId: typeof requestId === "string" ? requestId : undefined,
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
};
