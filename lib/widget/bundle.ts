/** Where scripts/build-widget.ts writes the bundled widget, relative to the project root (gitignored). */
export const WIDGET_BUNDLE_PATH = ".generated/consent-widget.js";

/** The widget's budget (SPEC, non-functional targets): 8 KB gzipped, styles and texts included. */
export const WIDGET_GZIP_BUDGET_BYTES = 8 * 1024;
