import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [
      ".next*/**",
      "node_modules/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "bench-results/**",
      ".generated/**",
      "next-env.d.ts",
    ],
  },
  { files: ["next.config.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  {
    // lib/ outside lib/server is pure domain logic: no framework, no store.
    files: ["lib/**/*.ts"],
    ignores: ["lib/server/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["next", "next/*", "@/db/*", "@/app/*", "@/components/*", "better-sqlite3"] }],
    },
  },
  {
    // Components get data through props and React Query; server-only glue stays with app/ (issue 13).
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db/*", "better-sqlite3"], message: "Components never read the store: db/README.md." },
            { group: ["@/lib/server", "@/lib/server/*"], message: "components/ may not import lib/server: pass data in as props." },
          ],
        },
      ],
    },
  },
  {
    // app/ and lib/server/ reach the store only through the domain indexes, the async port. Tests
    // are exempt: they open temporary stores and seed them through db/ internals.
    files: ["app/**/*.{ts,tsx}", "lib/server/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/db/*",
                ...[
                  "consent",
                  "subjects",
                  "requests",
                  "purposes",
                  "notices",
                  "staff",
                  "dashboards",
                  "ops",
                  "propagation",
                  "search",
                  "notifications",
                  "messages",
                  "transparency",
                  "receipts",
                  "data-map",
                  "policy",
                  "incidents",
                  "incident-reports",
                  "incident-affected",
                  "incident-duties",
                  "incident-notices",
                  "writer",
                ].map((d) => `!@/db/${d}`),
                "@/db/*/**",
              ],
              message: "Import the domain's index (@/db/consent, @/db/requests, …): db/README.md, 'The domain operations (the port)'.",
            },
            { group: ["better-sqlite3", "drizzle-orm", "drizzle-orm/*"], message: "Only db/ talks to SQLite: db/README.md." },
          ],
        },
      ],
    },
  },
  {
    // The port returns promises (db/README.md): a forgotten await is an error, not a race.
    files: ["app/**/*.{ts,tsx}", "lib/server/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // `if (!ownedBy(...))` on a promise is always false: a missing await in a check, caught here.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
    },
  },
  {
    // Configuration is read and checked once, at start (lib/server/config.ts); db/ has its own
    // reader for the store's path, since scripts open the store without the server.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.ts", "db/**/*.ts"],
    ignores: ["**/*.test.ts", "lib/server/config.ts", "db/connection.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through config() from lib/server/config.ts." },
      ],
    },
  },
];

export default config;
