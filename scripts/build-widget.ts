/**
 * Bundles the consent widget (components/consent-widget) into one minified
 * script that /embed/consent.js serves. Runs before `next build` and
 * `next dev` (package.json prebuild/predev).
 *   npm run build:widget [-- --watch]
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { build, context, type BuildOptions } from "esbuild";
import { WIDGET_BUNDLE_PATH, WIDGET_GZIP_BUDGET_BYTES } from "@/lib/widget/bundle";

const root = path.resolve(__dirname, "..");

export const widgetBuildOptions: BuildOptions = {
  entryPoints: [path.join(root, "components", "consent-widget", "widget.ts")],
  bundle: true,
  minify: true,
  format: "iife",
  platform: "browser",
  // ES2018 keeps object spread and async/await native: smaller than down-levelled code, and every current browser runs it.
  target: "es2018",
  // Korean and Japanese as UTF-8 rather than \u escapes: the route declares charset=utf-8, and it is a third smaller.
  charset: "utf8",
  legalComments: "none",
  tsconfig: path.join(root, "tsconfig.json"),
  logLevel: "warning",
};

export type WidgetSize = { bytes: number; gzipBytes: number };

export function widgetSize(code: string | Buffer): WidgetSize {
  const buffer = typeof code === "string" ? Buffer.from(code) : code;
  return { bytes: buffer.length, gzipBytes: zlib.gzipSync(buffer, { level: 9 }).length };
}

/** The bundle as text, without writing it. */
export async function bundleWidget(): Promise<string> {
  const result = await build({ ...widgetBuildOptions, write: false });
  return result.outputFiles[0].text;
}

/** Writes the bundle to WIDGET_BUNDLE_PATH and returns its path and sizes. */
export async function buildWidget(): Promise<WidgetSize & { file: string }> {
  const code = await bundleWidget();
  const file = path.join(root, WIDGET_BUNDLE_PATH);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, code);
  return { file, ...widgetSize(code) };
}

function report(size: WidgetSize & { file: string }): void {
  const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
  const over = size.gzipBytes > WIDGET_GZIP_BUDGET_BYTES ? ` — OVER the ${kb(WIDGET_GZIP_BUDGET_BYTES)} budget` : "";
  console.log(`consent widget: ${path.relative(root, size.file)} ${kb(size.bytes)}, ${kb(size.gzipBytes)} gzipped${over}`);
}

async function main(): Promise<void> {
  if (!process.argv.includes("--watch")) {
    report(await buildWidget());
    return;
  }
  const file = path.join(root, WIDGET_BUNDLE_PATH);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const ctx = await context({
    ...widgetBuildOptions,
    outfile: file,
    plugins: [
      {
        name: "size",
        setup: (b) =>
          b.onEnd(() => {
            if (fs.existsSync(file)) report({ file, ...widgetSize(fs.readFileSync(file)) });
          }),
      },
    ],
  });
  await ctx.watch();
  console.log("consent widget: watching for changes");
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
