import en from "./messages/en.json";
import ko from "./messages/ko.json";
import ja from "./messages/ja.json";
import type { Locale } from "./config";

export type Messages = typeof en;

export const catalogs: Record<Locale, Messages> = { en, ko, ja };
