import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, type Environment } from "./env";

const cwd = "/srv/candor";

function problems(env: Environment): string[] {
  try {
    parseConfig(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseConfig", () => {
  it("needs nothing set outside production: the store in ./data, links to localhost, limits on, no mail", () => {
    expect(parseConfig({}, cwd)).toEqual({
      nodeEnv: "development",
      port: 3000,
      databasePath: path.join(cwd, "data", "candor.db"),
      candorUrl: "http://localhost:3000",
      logLevel: "info",
      apiRateLimit: 200,
      smtp: null,
      authSecret: undefined,
      preferencesLinkSecret: undefined,
      webhooksAllowInsecure: false,
      deliveriesDispatcher: true,
      serverTiming: false,
    });
  });

  it("reads every variable it knows", () => {
    const config = parseConfig(
      {
        NODE_ENV: "production",
        PORT: "8080",
        DATABASE_PATH: "store/trust.db",
        CANDOR_URL: "https://Trust.Example.com/",
        LOG_LEVEL: " WARN ",
        API_RATE_LIMIT: "12.5",
        SMTP_URL: "smtps://mailer:s3cret@mail.example.com:465",
        SMTP_FROM: "Northtrail Privacy <privacy@northtrail.example>",
        AUTH_SECRET: "a".repeat(32),
        PREFERENCES_LINK_SECRET: "b".repeat(16),
        WEBHOOKS_ALLOW_INSECURE: "True",
      },
      cwd,
    );
    expect(config).toEqual({
      nodeEnv: "production",
      port: 8080,
      databasePath: path.join(cwd, "store", "trust.db"),
      candorUrl: "https://trust.example.com",
      logLevel: "warn",
      apiRateLimit: 12.5,
      smtp: { url: "smtps://mailer:s3cret@mail.example.com:465", from: "Northtrail Privacy <privacy@northtrail.example>" },
      authSecret: "a".repeat(32),
      preferencesLinkSecret: "b".repeat(16),
      webhooksAllowInsecure: true,
      deliveriesDispatcher: true,
      serverTiming: false,
    });
  });

  it("treats a blank variable as unset", () => {
    expect(parseConfig({ LOG_LEVEL: "", SMTP_URL: "  ", DATABASE_PATH: "", API_RATE_LIMIT: "" }, cwd)).toMatchObject({
      logLevel: "info",
      smtp: null,
      databasePath: path.join(cwd, "data", "candor.db"),
      apiRateLimit: 200,
    });
  });

  it("turns the API limit off with off, and builds the default address from PORT", () => {
    expect(parseConfig({ API_RATE_LIMIT: "off", PORT: "4000" }, cwd)).toMatchObject({
      apiRateLimit: null,
      candorUrl: "http://localhost:4000",
    });
  });

  it("names the variable, what it must be and what it got", () => {
    expect(problems({ LOG_LEVEL: "loud" })).toEqual([
      "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got 'loud')",
    ]);
    expect(problems({ API_RATE_LIMIT: "0" })).toEqual([
      "API_RATE_LIMIT must be a positive number of requests per second per API key, or off (got '0')",
    ]);
    expect(problems({ API_RATE_LIMIT: "fast" })[0]).toMatch(/^API_RATE_LIMIT must be .* \(got 'fast'\)$/);
    expect(problems({ PORT: "70000" })).toEqual(["PORT must be a port number from 1 to 65535 (got '70000')"]);
    expect(problems({ NODE_ENV: "staging" })).toEqual(["NODE_ENV must be one of development, production, test (got 'staging')"]);
    expect(problems({ DATABASE_PATH: "data/" })[0]).toMatch(/^DATABASE_PATH must be the path of the SQLite file/);
    expect(problems({ SMTP_FROM: "privacy" })[0]).toMatch(/^SMTP_FROM must be an email address.*\(got 'privacy'\)$/);
  });

  it("reads WEBHOOKS_ALLOW_INSECURE as an on/off flag, off unless set, and names a bad value", () => {
    expect(parseConfig({ WEBHOOKS_ALLOW_INSECURE: "1" }, cwd).webhooksAllowInsecure).toBe(true);
    expect(parseConfig({ WEBHOOKS_ALLOW_INSECURE: "off" }, cwd).webhooksAllowInsecure).toBe(false);
    expect(parseConfig({ WEBHOOKS_ALLOW_INSECURE: " " }, cwd).webhooksAllowInsecure).toBe(false);
    expect(problems({ WEBHOOKS_ALLOW_INSECURE: "maybe" })).toEqual(["WEBHOOKS_ALLOW_INSECURE must be true or false (got 'maybe')"]);
  });

  it("runs the delivery dispatcher in the server unless DELIVERIES_DISPATCHER is off, and names a bad value", () => {
    expect(parseConfig({ DELIVERIES_DISPATCHER: "off" }, cwd).deliveriesDispatcher).toBe(false);
    expect(parseConfig({ DELIVERIES_DISPATCHER: "ON" }, cwd).deliveriesDispatcher).toBe(true);
    expect(parseConfig({ DELIVERIES_DISPATCHER: "" }, cwd).deliveriesDispatcher).toBe(true);
    expect(problems({ DELIVERIES_DISPATCHER: "later" })[0]).toMatch(/^DELIVERIES_DISPATCHER must be on or off .*\(got 'later'\)$/);
  });

  it("says where the ingest route's time went only when SERVER_TIMING is on", () => {
    expect(parseConfig({ SERVER_TIMING: "on" }, cwd).serverTiming).toBe(true);
    expect(parseConfig({ SERVER_TIMING: "0" }, cwd).serverTiming).toBe(false);
    expect(problems({ SERVER_TIMING: "sometimes" })[0]).toMatch(/^SERVER_TIMING must be on or off .*\(got 'sometimes'\)$/);
  });

  it("takes CANDOR_URL only as an http(s) origin", () => {
    for (const bad of [
      "trust.example.com",
      "ftp://trust.example.com",
      "https://trust.example.com/app",
      "https://u:p@trust.example.com",
      "https://x.example?q=1",
    ])
      expect(problems({ CANDOR_URL: bad }), bad).toEqual([
        `CANDOR_URL must be the http(s) address people reach Candor at, with no path, such as https://trust.example.com (got '${bad}')`,
      ]);
    expect(parseConfig({ CANDOR_URL: "http://127.0.0.1:3100" }, cwd).candorUrl).toBe("http://127.0.0.1:3100");
  });

  it("takes SMTP_URL only as smtp:// or smtps://, and never repeats the rest of a bad one (it may hold a password)", () => {
    expect(parseConfig({ SMTP_URL: "smtp://127.0.0.1:2525" }, cwd).smtp).toEqual({ url: "smtp://127.0.0.1:2525", from: undefined });
    const [http] = problems({ SMTP_URL: "https://mailer:hunter2@mail.example.com" });
    expect(http).toBe(
      "SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.com:587 (got a https: address)",
    );
    expect(problems({ SMTP_URL: "mail.example.com:hunter2" })[0]).not.toContain("hunter2");
    expect(problems({ SMTP_URL: "smtp://mailer:hunter2@" })[0]).toMatch(/got a smtp: address\)$/);
  });

  it("refuses a short secret without showing it", () => {
    const [auth, link] = problems({ AUTH_SECRET: "changeme", PREFERENCES_LINK_SECRET: "x" });
    expect(auth).toBe("AUTH_SECRET must be at least 16 characters long (openssl rand -base64 32 makes one) (got 8 characters)");
    expect(link).toMatch(/^PREFERENCES_LINK_SECRET must be at least 16 characters .*\(got 1 character\)$/);
  });

  it("requires CANDOR_URL in production, but not while next build evaluates modules", () => {
    expect(problems({ NODE_ENV: "production" })).toEqual([expect.stringMatching(/^CANDOR_URL is required in production: set it to/)]);
    expect(parseConfig({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }, cwd).candorUrl).toBe("http://localhost:3000");
  });

  it("reports every bad variable at once in its message", () => {
    const error = (() => {
      try {
        parseConfig({ NODE_ENV: "production", LOG_LEVEL: "loud", PORT: "x" }, cwd);
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toHaveLength(3);
    expect(error!.message).toMatch(
      /^Candor cannot start: \n- PORT must be .*\n- LOG_LEVEL must be .*\n- CANDOR_URL is required in production/,
    );
  });
});
