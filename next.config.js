const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/server/i18n-request.ts");

// Defences every response carries (lib/security/response-headers.json, which the server's fast lane for the consent
// endpoints also applies, lib/server/fast-lane.ts). Pages also get a nonce-based Content-Security-Policy from proxy.ts
// (lib/security/headers.ts).
const responseHeaders = require("./lib/security/response-headers.json");
const everywhere = Object.entries(responseHeaders.everywhere).map(([key, value]) => ({ key, value }));
// Data, not documents: nothing in them may run, load or be framed.
const dataPolicy = responseHeaders.dataContentSecurityPolicy;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // pdfkit reads its font metrics from its own folder at run time, so it is loaded from node_modules, not bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pino", "pdfkit"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: { authInterrupts: true },
  // Tests build into their own folder so a running demo server keeps its build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // A test build into another folder names its own tsconfig (scripts/e2e-server.ts), so the tracked one is never rewritten.
  typescript: { tsconfigPath: process.env.NEXT_TSCONFIG_PATH || "tsconfig.json" },
  async headers() {
    return [
      { source: "/:path*", headers: everywhere },
      // HSTS only where the visitor came over HTTPS (a TLS-terminating proxy says so).
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: responseHeaders.strictTransportSecurity }],
      },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: dataPolicy }] },
      { source: "/.well-known/:path*", headers: [{ key: "Content-Security-Policy", value: dataPolicy }] },
      { source: "/embed/consent.js", headers: [{ key: "Content-Security-Policy", value: dataPolicy }] },
      // The readable export is a self-contained page: its own inline styles, nothing else.
      {
        source: "/exports/:path*",
        headers: [
          {
            key: "Content-Security-Policy",
            value: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
          },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Cache-Control", value: "private, no-store" },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
