import "server-only";
import type { Locale } from "@/lib/i18n/config";
import type { SaveMessageTemplateInput } from "@/lib/messages/templates/schema";
import type { TemplateKind } from "@/lib/messages/templates/vocabulary";
import { db } from "../client";
import { toAsync, toWriter } from "../port";
import type { Actor } from "../staff/staff";
import * as templates from "./templates";

// The messages port (db/README.md): the brand's wording of messages to people, for app/ and lib/server/.
export type { CurrentTemplate } from "./templates";
export type { MessageTemplate } from "../schema";
export const getCurrentTemplate = toAsync((kind: TemplateKind, locale: Locale) => templates.currentTemplate(db, kind, locale));
export const listTemplateVersions = toAsync((kind: TemplateKind, locale: Locale) => templates.listTemplateVersions(db, kind, locale));
// Through the writer thread when it is on (db/writer, issue 22), on that thread's connection.
export const saveTemplateVersion = toWriter("messages.saveTemplateVersion", (input: SaveMessageTemplateInput, actor: Actor) =>
  templates.saveTemplateVersion(db, input, actor),
);
