import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

/**
 * A webhook receiver on 127.0.0.1 for tests, as a recipient would write one: every attempt is verified with
 * the standardwebhooks package (the specification's library, not Candor's signing code) against each secret
 * given, and recorded with what it answered.
 */

export type ReceivedAttempt = {
  path: string;
  webhookId: string;
  timestamp: string;
  host: string | undefined;
  userAgent: string | undefined;
  contentType: string | undefined;
  body: string;
  /** The parsed event, when the body was JSON. */
  event: { id: string; type: string; sequence: number; subject: { externalId?: string; email?: string }; data: unknown } | null;
  /** Per secret given: whether its signature verified. */
  verified: boolean[];
  status: number;
  at: number;
};

/** What to answer an attempt: a status, a body, and how long to wait first (a slow recipient), or to never answer. */
export type Answer = { status: number; body?: string; headers?: Record<string, string>; delayMs?: number } | "hang";

export type Receiver = {
  url: (path?: string) => string;
  port: number;
  attempts: ReceivedAttempt[];
  close: () => Promise<void>;
};

export async function startReceiver(options: {
  secrets: readonly string[];
  answer: (attempt: Omit<ReceivedAttempt, "status" | "at">, previous: readonly ReceivedAttempt[]) => Answer;
}): Promise<Receiver> {
  const attempts: ReceivedAttempt[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = (name: string) => (typeof req.headers[name] === "string" ? (req.headers[name] as string) : undefined);
      const signed = {
        "webhook-id": header("webhook-id") ?? "",
        "webhook-timestamp": header("webhook-timestamp") ?? "",
        "webhook-signature": header("webhook-signature") ?? "",
      };
      const verified = options.secrets.map((secret) => {
        try {
          new Webhook(secret).verify(body, signed);
          return true;
        } catch {
          return false;
        }
      });
      let event: ReceivedAttempt["event"] = null;
      try {
        event = JSON.parse(body);
      } catch {
        event = null;
      }
      const seen = {
        path: req.url ?? "",
        webhookId: signed["webhook-id"],
        timestamp: signed["webhook-timestamp"],
        host: header("host"),
        userAgent: header("user-agent"),
        contentType: header("content-type"),
        body,
        event,
        verified,
      };
      const answer = options.answer(seen, attempts);
      if (answer === "hang") {
        attempts.push({ ...seen, status: 0, at: Date.now() });
        hanging.add(res);
        return;
      }
      attempts.push({ ...seen, status: answer.status, at: Date.now() });
      const reply = () => {
        res.writeHead(answer.status, { "content-type": "text/plain; charset=utf-8", ...answer.headers });
        res.end(answer.body ?? "");
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path = "/hook") => `http://127.0.0.1:${port}${path}`,
    attempts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
