import type { Measurement } from "../bench";
import { buildWidget } from "../build-widget";

const kb = (bytes: number) => Math.round((bytes / 1024) * 100) / 100;

/**
 * The consent widget's size as a browser downloads it: the freshly built bundle,
 * gzipped, against the 8 KB target (styles and en/ko/ja texts are inside it).
 */
export const widgetSize: Measurement = {
  name: "widget-size",
  run: async () => {
    const size = await buildWidget();
    return [
      { name: "candor.widget", value: kb(size.gzipBytes), unit: "KB gzip", target: { max: 8 }, details: { gzipBytes: size.gzipBytes } },
      { name: "candor.widget.raw", value: kb(size.bytes), unit: "KB", details: { bytes: size.bytes } },
    ];
  },
};
