/**
 * The production server: Next.js behind one `node:http` listener whose fast lane answers the consent-taking endpoints
 * itself (lib/server/fast-lane.ts, issue 22). `npm start` runs its bundle (scripts/build-server.ts); options as
 * `next start`'s: --port/-p (or PORT, default 3000) and --hostname/-H (default every interface).
 *   npm start -- --port 3100 --hostname 127.0.0.1
 */
import http from "node:http";
import { parseArgs } from "node:util";
import { z } from "zod";

// `next start` serves a production build whatever the shell said; so does this.
Object.assign(process.env, { NODE_ENV: "production" });

const optionsSchema = z.object({
  port: z.coerce.number().int().min(1, "a port is 1 to 65535").max(65_535, "a port is 1 to 65535"),
  hostname: z.string().min(1).optional(),
});

function options() {
  const { values } = parseArgs({
    options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
    strict: true,
  });
  const parsed = optionsSchema.safeParse({ port: values.port ?? process.env.PORT ?? 3000, hostname: values.hostname });
  if (!parsed.success) {
    console.error(`candor: ${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`);
    process.exit(1);
  }
  return parsed.data;
}

async function main(): Promise<void> {
  const { port, hostname } = options();
  // Required here, not imported: NODE_ENV must be set before Next.js loads.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
  // Starts Next.js: its instrumentation checks the configuration (a bad variable stops the process here, named) and
  // starts the background jobs. Only then does the lane load, so it never runs on a configuration that was refused.
  await app.prepare();
  const { fastLaneListener } = await import("@/lib/server/fast-lane");
  // The consent endpoints' own thread, so ingest never holds the thread that renders the pages (lib/server/lane-thread.ts).
  const { startLaneThread } = await import("@/lib/server/lane-thread");
  const server = http.createServer(fastLaneListener(app.getRequestHandler(), startLaneThread()));
  server.on("error", (error) => {
    console.error(`candor: could not listen on ${hostname ?? "every interface"}:${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    console.log(`candor: serving on http://${hostname ?? "localhost"}:${port} (Next.js, with the consent endpoints' fast lane)`);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      server.close();
      void app.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
