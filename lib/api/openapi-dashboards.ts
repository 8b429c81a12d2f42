import { suppressionK } from "../metrics/suppression";
import { problemResponse, type JsonObject } from "./openapi-parts";

// The staff dashboards' consent endpoints (issue 20): read with a staff session, not an API key, and documented
// here for the one thing a client must know about them: how a suppressed figure is represented.

const count = { type: ["integer", "null"], minimum: 0, description: "A count of choices; null when suppressed (listed in `suppressed`)." };
const rate = {
  type: ["number", "null"],
  description: "A percentage; null when nothing to divide, or when a count it is made of is suppressed.",
};

/** The representation every suppressed row shares: counts below k are null and named in `suppressed`. */
export const suppressionSchemas = {
  Suppression: {
    type: "object",
    required: ["k", "exact"],
    properties: {
      k: {
        type: "integer",
        minimum: suppressionK.min,
        description: `The brand's k (default ${suppressionK.default}, at least ${suppressionK.min}).`,
      },
      exact: {
        type: "boolean",
        description: "True for a reader who sees exact figures (the privacy officer); false when figures below k were suppressed.",
      },
    },
  },
  SuppressedRow: {
    type: "object",
    description:
      "Any row of a consent breakdown (the summary, a trend point, a purpose, a split value, a flow point, a lifetime bucket, a notice version). A count below k is null, and so is enough of the row's or column's other counts that none can be recovered by subtracting the shown ones from a shown total (complementary suppression); a rate made from a suppressed count is null too. Tables and CSV files show a suppressed count as \"< k\".",
    properties: {
      suppressed: {
        type: "array",
        items: { type: "string" },
        description: "The names of this row's figures that are null because they are suppressed. Absent when none is.",
      },
      granted: count,
      denied: count,
      withdrawn: count,
      expired: count,
      gpc: count,
      gpcGranted: count,
      optInRate: rate,
      withdrawalRate: rate,
      gpcHonoured: rate,
    },
    additionalProperties: true,
  },
};

const staffOnly = [{ staffSession: [] }];
const filter = (name: string, description: string, required = false) => ({
  name,
  in: "query",
  required,
  description,
  schema: { type: "string" },
});
const filters = (purposeRequired: boolean) => [
  filter("from", "First day of the period (YYYY-MM-DD); the last 30 days when neither end is given."),
  filter("to", "Last day of the period (YYYY-MM-DD)."),
  filter("jurisdiction", "Only choices of people in this jurisdiction (EU, US-CA, KR, JP…)."),
  filter("purpose", "Only this purpose, by key.", purposeRequired),
];
const body = (description: string) => ({
  description,
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["suppression"],
        properties: { suppression: { $ref: "#/components/schemas/Suppression" } },
        additionalProperties: true,
        description: "Every row in it (at any depth) is a SuppressedRow.",
      },
    },
  },
});
const staffProblems = {
  "401": problemResponse("No staff session."),
  "403": problemResponse("The signed-in member's role may not read this view."),
};

/** GET /api/admin/consent-analytics and /api/admin/consent-analytics/purpose. */
export function dashboardPaths(): JsonObject {
  const op = (summary: string, description: string, purposeRequired = false) => ({
    get: {
      summary,
      description: `${description} Read with a staff session (marketing, privacy officer, administrator). For every reader without exact access, counts below the brand's k are null and listed in the row's \`suppressed\`; \`suppression\` says which k applied.`,
      security: staffOnly,
      parameters: filters(purposeRequired),
      responses: {
        "200": body("The view, its small cells suppressed for this reader."),
        ...staffProblems,
        "422": problemResponse("A filter is not valid (an unknown purpose, a period the wrong way round)."),
      },
    },
  });
  return {
    "/api/admin/consent-analytics": op(
      "Consent analytics",
      "Choices (consent events) in the period: a summary, a trend, per purpose and per jurisdiction, channel, source and language.",
    ),
    "/api/admin/consent-analytics/purpose": op(
      "One purpose's grants",
      "One purpose's grants started and stopped per trend point, how long the stopped ones lasted, and under which notice version, with the period's totals.",
      true,
    ),
  };
}

export const staffSessionScheme = {
  type: "apiKey",
  in: "cookie",
  name: "authjs.session-token",
  description: "A staff member's signed-in session (the admin pages' own requests); no API key reads the dashboards.",
};
