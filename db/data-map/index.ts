import "server-only";
import { toAsync, toWriter } from "../port";
import { db } from "../client";
import type { Db } from "../connection";
import * as read from "./read";
import * as write from "./write";

// The data-map port (db/README.md): the one read of the whole data map that the record of processing and the
// privacy policy are generated from, and the writes of its fields beyond a purpose's own (issue 19).
const onServer =
  <A extends unknown[], R>(operation: (db: Db, ...args: A) => R) =>
  (...args: A): Promise<R> =>
    toAsync(operation)(db, ...args);
// Its writes through the writer thread when it is on (db/writer, issue 22), on that thread's connection.
const onWriter = <A extends unknown[], R>(name: string, operation: (db: Db, ...args: A) => R) =>
  toWriter(name, (...args: A): R => operation(db, ...args));

export const getDataMap = onServer(read.readDataMap);
export const getBrandPrivacy = onServer(read.readBrandPrivacy);
export const getPurposeRecord = onServer(read.readPurposeRecord);
export const getRecipientTransfer = onServer(read.readRecipientTransfer);
export const savePurposeRecord = onWriter("data-map.savePurposeRecord", write.savePurposeRecord);
export const saveRecipientTransfer = onWriter("data-map.saveRecipientTransfer", write.saveRecipientTransfer);
export const saveBrandPrivacy = onWriter("data-map.saveBrandPrivacy", write.saveBrandPrivacy);

export type {
  BrandPrivacyFields,
  DataMap,
  DataMapBrand,
  DataMapPurpose,
  DataMapRecipient,
  PurposeRecordFields,
  TransferFields,
} from "./read";
export type { LegalHold, ComplaintContact } from "../schema";
