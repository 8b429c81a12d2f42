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
];

export default config;
