/**
 * Candor's consent banner, embedded by brands:
 *   <script src="https://candor.example/embed/consent.js" data-key="pk_…"
 *           data-subject="CUST-123" data-jurisdiction="EU" async></script>
 * Browser code, bundled by scripts/build-widget.ts; no framework, and every
 * byte counts against the 8 KB gzip budget.
 */
import type { WidgetConfig, WidgetPurpose } from "@/lib/widget/config";
import { pickLocale } from "@/lib/widget/locale";
import { choiceFor, grantHolds, needsPrompt, parseMemory, type Choice, type WidgetMemory } from "@/lib/widget/memory";
import { css } from "./styles";
import { texts } from "./texts";

type Result = { purpose: string; status: string; code?: string };
type Api = { open: () => void; choices: () => Record<string, Choice> };

const MEMORY = "candor-consent";
const ANON = "candor-anon";
// currentScript is only set while this file first runs, so read it now.
const script = document.currentScript as HTMLScriptElement | null;
const w = window as Window & { candorConsent?: Api };

/** localStorage, tolerating browsers and modes where it throws: the banner then only forgets sooner. */
function stored(name: string, value?: string): string | null {
  try {
    if (value !== undefined) localStorage.setItem(name, value);
    return localStorage.getItem(name);
  } catch {
    return value ?? null;
  }
}

// crypto.randomUUID needs a secure context; getRandomValues works on plain-http shops too.
function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  const x = Array.from(b, (n) => (n + 256).toString(16).slice(1)).join("");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...kids: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const name in attrs) el.setAttribute(name, attrs[name]);
  el.append(...kids);
  return el;
}

function button(label: string, onclick: () => void, cls = ""): HTMLButtonElement {
  const b = h("button", { type: "button", class: cls }, label);
  b.onclick = onclick;
  return b;
}

const domReady = () => new Promise((done) => (document.body ? done(0) : addEventListener("DOMContentLoaded", done)));

async function start(el: HTMLScriptElement): Promise<void> {
  const key = el.dataset.key;
  if (!key) throw new Error("add data-key to the script tag");
  const base = new URL(el.src).origin;
  const q = `key=${encodeURIComponent(key)}`;
  const locale = pickLocale(document.documentElement.lang);
  const t = texts[locale];
  const external = el.dataset.subject?.trim();
  let anon = stored(ANON) ?? "";
  if (!external && !/^anon-[0-9a-f-]{36}$/.test(anon)) anon = stored(ANON, `anon-${uuid()}`)!;
  const subject = external ? { externalId: external } : { anonymousId: anon };
  const who = external || anon;
  const jurisdiction = el.dataset.jurisdiction?.toUpperCase() || undefined;
  const gpc = (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const blocked = (p: WidgetPurpose) => gpc && p.saleOrSharing;

  const res = await fetch(`${base}/api/v1/widget/config?${q}&locale=${locale}`, { credentials: "omit" });
  if (!res.ok) throw new Error(`config answered ${res.status}`);
  const config = (await res.json()) as WidgetConfig;
  if (!config.purposes.length) return;
  let memory = parseMemory(stored(MEMORY));
  if (memory?.s !== who) memory = null;
  await domReady();

  const host = document.createElement("candor-consent");
  host.lang = locale;
  const root = host.attachShadow({ mode: "open" });
  const view = h("div");
  const error = h("p", { class: "e", role: "alert" });
  const status = h("p", { class: "s", role: "status" });
  const dialog = h(
    "div",
    { class: "b", role: "dialog", "aria-labelledby": "t", "aria-describedby": "i", tabindex: "-1" },
    h("p", { class: "n" }, config.brand.name),
    h("h2", { id: "t" }, t.title),
    h("p", { id: "i" }, `${t.intro} `, h("a", { href: config.notices, target: "_blank", rel: "noopener" }, t.notices)),
    view,
    error,
  );
  const reopen = button(t.reopen, () => show(Boolean(memory)), "o");
  root.append(h("style", {}, css), dialog, reopen, status);
  document.body.append(host);

  function show(choose: boolean): void {
    error.textContent = "";
    view.replaceChildren(...(choose ? chooser() : summary()));
    dialog.hidden = false;
    reopen.hidden = true;
    dialog.focus();
  }

  function hide(): void {
    dialog.hidden = true;
    reopen.hidden = false;
    // Focus would otherwise fall back to the top of the page; the re-open button is where the banner was.
    reopen.focus();
  }

  function summary(): Node[] {
    const notice = config.purposes.some(blocked) ? [h("p", {}, t.gpcOn)] : [];
    return [
      ...notice,
      h(
        "div",
        { class: "r" },
        button(t.accept, () => save(() => true)),
        button(t.reject, () => save(() => false)),
        button(t.choose, () => show(true)),
      ),
    ];
  }

  function chooser(): Node[] {
    const boxes: Record<string, HTMLInputElement> = {};
    const now = Date.now();
    const items = config.purposes.map((p) => {
      const box = (boxes[p.key] = h("input", { type: "checkbox", "aria-describedby": `d-${p.key}` }));
      // Nothing is ticked unless this subject granted it and the grant still holds.
      box.checked = !blocked(p) && memory !== null && grantHolds(memory, p, now);
      box.disabled = blocked(p);
      const lines = [p.what, p.why, p.benefit, p.retention].map((s) => h("p", {}, s));
      if (blocked(p)) lines.push(h("p", { class: "g", lang: locale }, t.gpc));
      const more = h(
        "a",
        {
          href: `${config.notices}/${p.key}`,
          target: "_blank",
          rel: "noopener",
          lang: locale,
          "aria-label": `${t.fullNotice}: ${p.title}`,
        },
        t.fullNotice,
      );
      return h(
        "li",
        { lang: p.lang },
        h("label", {}, box, p.title),
        h("div", { class: "d", id: `d-${p.key}` }, ...lines, h("p", {}, more)),
      );
    });
    return [
      h("p", {}, t.chooseIntro),
      h("ul", {}, ...items),
      // Kept in view while the list scrolls, so saving never needs a hunt.
      h(
        "div",
        { class: "r k" },
        button(t.save, () => save((p) => boxes[p.key].checked)),
        button(t.back, () => show(false)),
      ),
    ];
  }

  async function save(pick: (p: WidgetPurpose) => boolean): Promise<void> {
    const buttons = view.querySelectorAll("button");
    buttons.forEach((b) => (b.disabled = true));
    error.textContent = "";
    // A sale or sharing purpose under GPC is never sent as granted, whatever was clicked.
    const choices = config.purposes.map((p) => ({
      purpose: p.key,
      event: choiceFor(!blocked(p) && pick(p), memory?.c[p.key]),
      version: p.version,
    }));
    try {
      const r = await fetch(`${base}/api/v1/widget/consents?${q}`, {
        method: "POST",
        credentials: "omit",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ subject, jurisdiction, locale, choices }),
      });
      const body = (await r.json()) as { decidedAt: number; results: Result[] };
      if (!r.ok) throw new Error(`consents answered ${r.status}`);
      const c: Record<string, Choice> = {};
      for (const x of body.results) {
        // Candor refusing a grant because of a GPC header the page could not see is an opt-out honoured, not a failure.
        if (x.status === "rejected" && x.code !== "gpc-opt-out") throw new Error(`${x.purpose}: ${x.code}`);
        c[x.purpose] = x.status === "rejected" ? "denied" : choices.find((y) => y.purpose === x.purpose)!.event;
      }
      memory = { s: who, at: body.decidedAt, c } satisfies WidgetMemory;
      stored(MEMORY, JSON.stringify(memory));
      hide();
      status.textContent = t.saved;
      announce();
    } catch (e) {
      console.warn("Candor consent:", e);
      error.textContent = t.error;
      buttons.forEach((b) => (b.disabled = false));
    }
  }

  // The host page learns the choices (to load a tag only once it is allowed) from an event and a tiny API.
  function announce(): void {
    document.dispatchEvent(new CustomEvent("candor:consent", { detail: { ...memory?.c } }));
  }
  w.candorConsent = { open: () => show(Boolean(memory)), choices: () => ({ ...memory?.c }) };

  // Escape closes the banner for now; it records nothing, so it asks again on the next page.
  dialog.onkeydown = (e) => {
    if (e.key === "Escape") hide();
  };
  dialog.hidden = reopen.hidden = true;
  if (needsPrompt(memory, who, config.purposes, Date.now())) show(false);
  else {
    reopen.hidden = false;
    announce();
  }
}

// A page that includes the script twice still gets one banner.
if (script && !w.candorConsent) {
  w.candorConsent = { open() {}, choices: () => ({}) };
  start(script).catch((e) => console.warn("Candor consent:", e));
}
