import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log";

function capture(level?: string) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger(stream, level);
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("createLogger", () => {
  it("writes one JSON object per line with the level by name and an ISO time", () => {
    const { logger, records } = capture("info");
    logger.info({ requestId: "req-12345678" }, "hello");
    expect(records()).toEqual([
      expect.objectContaining({
        level: "info",
        msg: "hello",
        requestId: "req-12345678",
        service: "candor",
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ]);
  });

  it("censors credentials, one-time codes and contact fields by name", () => {
    const { logger, lines } = capture("info");
    logger.info(
      {
        authorization: "Bearer ck_live_abcdefghijklmnop",
        headers: { cookie: "authjs.session-token=eyJhbGciOi", "set-cookie": "candor_pref=abc.def" },
        code: "482913",
        body: { code: "771204", email: "ana@example.com" },
        subject: { email: "bo@example.com", externalId: "CUST-1042", phone: "+82 10 1234 5678" },
        password: "northtrail-demo",
        token: "exp-token-123",
        toAddress: "cy@example.com",
      },
      "sign-in",
    );
    const text = lines.join("\n");
    for (const secret of [
      "ck_live_abcdefghijklmnop",
      "eyJhbGciOi",
      "candor_pref=abc",
      "482913",
      "771204",
      "ana@example.com",
      "bo@example.com",
      "CUST-1042",
      "+82 10",
      "northtrail-demo",
      "exp-token-123",
      "cy@example.com",
    ])
      expect(text).not.toContain(secret);
    expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(12);
  });

  it("scrubs email addresses, bearer tokens and API keys out of messages and error text", () => {
    const { logger, lines, records } = capture("info");
    const error = Object.assign(new Error("no subject for dee@example.co.kr (key ck_live_SECRETSECRET)"), { code: "SQLITE_BUSY" });
    logger.error({ err: error }, "failed for eve@example.com with Authorization: Bearer abc.def.ghi");
    const text = lines.join("\n");
    for (const secret of ["dee@example.co.kr", "eve@example.com", "SECRETSECRET", "abc.def.ghi"]) expect(text).not.toContain(secret);
    const [record] = records();
    expect((record.err as { code: string }).code).toBe("SQLITE_BUSY"); // an error's own code stays readable
    expect((record.err as { type: string }).type).toBe("Error");
  });

  it("follows LOG_LEVEL and falls back to info on a value it does not know", () => {
    const quiet = capture("warn");
    quiet.logger.info("not shown");
    quiet.logger.warn("shown");
    expect(quiet.records().map((r) => r.msg)).toEqual(["shown"]);
    const unknown = capture("loud");
    unknown.logger.info("kept");
    expect(unknown.records().map((r) => [r.level, r.msg])).toEqual([
      ["warn", "LOG_LEVEL is not a pino level; logging at info"],
      ["info", "kept"],
    ]);
  });
});
