import "server-only";
import nodemailer from "nodemailer";
import { db } from "@/db/client";
import { dispatchOutbox } from "@/db/outbox-dispatch";
import { getBrandSettings } from "@/db/queries/brand";

/** Sends the outbox by SMTP when SMTP_URL is set; without it, messages stay in the outbox viewer. */
export async function sendPendingMail(): Promise<{ sent: number; failed: number } | null> {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  const transport = nodemailer.createTransport(url);
  const from = process.env.SMTP_FROM ?? getBrandSettings()?.contactEmail ?? "no-reply@localhost";
  return dispatchOutbox(db, async (m) => {
    await transport.sendMail({ from, to: m.toAddress, subject: m.subjectLine, text: m.body, headers: { "Content-Language": m.locale } });
  });
}
