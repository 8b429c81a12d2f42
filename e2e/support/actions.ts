import type { Page, Request } from "@playwright/test";

export type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };

/** Runs `trigger` and captures the server-action POST the browser sends for it. */
export async function captureAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  const [request] = await Promise.all([
    page.waitForRequest((r: Request) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    trigger(),
  ]);
  return { url: request.url(), headers: request.headers(), body: request.postDataBuffer()! };
}

/** Sends a captured server action again, from another page's session, optionally rewriting its body. */
export async function replayAction(
  page: Page,
  action: CapturedAction,
  rewrite: (body: string) => string = (b) => b,
  extraHeaders: Record<string, string> = {},
) {
  const headers = {
    ...Object.fromEntries(
      Object.entries(action.headers).filter(([k]) => ["next-action", "content-type", "accept", "next-router-state-tree"].includes(k)),
    ),
    ...extraHeaders,
  };
  const data = Buffer.from(rewrite(action.body.toString("latin1")), "latin1");
  // A reset on a reused keep-alive socket means the server closed it idle before reading this
  // request, so nothing was done: sending it again once on a fresh socket is safe.
  const response = await page.request.post(action.url, { headers, data }).catch((error: unknown) => {
    if (error instanceof Error && error.message.includes("ECONNRESET")) return page.request.post(action.url, { headers, data });
    throw error;
  });
  return { status: response.status(), text: await response.text() };
}
