import { z } from "zod";
import { locales } from "../i18n/config";
import { channels } from "../purposes/vocabulary";
import { codeInputSchema } from "./code";

const purposeKey = z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, { error: "invalid" });
// The notice the subject was looking at when they chose: recorded on the event.
const shown = {
  purpose: purposeKey,
  noticeVersion: z.coerce.number({ error: "invalid" }).int().positive().max(1_000_000),
  noticeLocale: z.enum(locales, { error: "invalid" }),
};
const guardianName = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.string().trim().max(200, { error: "too-long" }).optional(),
);

export const requestCodeSchema = z.object({
  email: z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .min(1, { error: "required" })
    .max(254, { error: "too-long" })
    .pipe(z.email({ error: "invalid-email" })),
});

export const verifyCodeSchema = z.object({ code: codeInputSchema });

export const setConsentSchema = z.object({ ...shown, choice: z.enum(["on", "off"], { error: "invalid" }), guardianName });

export const setChannelSchema = z.object({
  ...shown,
  channel: z.enum(channels, { error: "invalid" }),
  on: z.enum(["true", "false"], { error: "invalid" }).transform((v) => v === "true"),
  guardianName,
});

export const objectSchema = z.object(shown);

export const withdrawAllSchema = z.object({ confirm: z.literal("yes", { error: "confirm-required" }) });
