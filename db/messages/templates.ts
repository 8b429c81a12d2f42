import { and, desc, eq, sql } from "drizzle-orm";
import type { Locale } from "@/lib/i18n/config";
import { defaultTemplate } from "@/lib/messages/templates/render";
import type { SaveMessageTemplateInput } from "@/lib/messages/templates/schema";
import type { TemplateKind, TemplateText } from "@/lib/messages/templates/vocabulary";
import type { Db } from "../connection";
import { messageTemplates, type MessageTemplate } from "../schema";
import { appendAuditEntry } from "../staff/audit-chain";

/** The wording a message is sent in: the highest saved version, or the shipped default (version 0). */
export type CurrentTemplate = TemplateText & { version: number };

/**
 * The latest wording of a kind in a language. Takes a connection, since the senders run inside
 * other transactions: a request's workflow on the server's, an erasure's confirmation on whichever
 * connection erased (the bench and a restore included).
 */
export function currentTemplate(db: Db, kind: TemplateKind, locale: Locale): CurrentTemplate {
  const row = db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.kind, kind), eq(messageTemplates.locale, locale)))
    .orderBy(desc(messageTemplates.version))
    .limit(1)
    .get();
  if (!row) return { ...defaultTemplate(kind, locale), version: 0 };
  return { subject: row.subject, greeting: row.greeting, body: row.body, signature: row.signature, version: row.version };
}

/** Every saved version of a kind in a language, newest first, with who saved it and when. */
export function listTemplateVersions(db: Db, kind: TemplateKind, locale: Locale): MessageTemplate[] {
  return db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.kind, kind), eq(messageTemplates.locale, locale)))
    .orderBy(desc(messageTemplates.version))
    .all();
}

/**
 * Saves the officer's wording (already checked by saveMessageTemplateSchema) as the next version
 * and audits it, in one transaction; earlier versions stay as they were. Returns the new row.
 */
export function saveTemplateVersion(db: Db, input: SaveMessageTemplateInput, actor: { id: number | null; email: string }): MessageTemplate {
  return db.$client
    .transaction(() => {
      const top = db
        .select({ v: sql<number>`coalesce(max(${messageTemplates.version}), 0)` })
        .from(messageTemplates)
        .where(and(eq(messageTemplates.kind, input.kind), eq(messageTemplates.locale, input.locale)))
        .get();
      const version = (top?.v ?? 0) + 1;
      const row = db
        .insert(messageTemplates)
        .values({
          kind: input.kind,
          locale: input.locale,
          version,
          subject: input.subject,
          greeting: input.greeting,
          body: input.body,
          signature: input.signature,
          createdById: actor.id,
          createdByLabel: actor.email,
          createdAt: new Date(),
        })
        .returning()
        .get();
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "message-template.save",
        targetType: "message-template",
        targetId: `${input.kind}/${input.locale}`,
        at: row.createdAt,
        details: { kind: input.kind, locale: input.locale, version },
      });
      return row;
    })
    .immediate();
}
