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
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@/db/*", "better-sqlite3"] }] },
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
