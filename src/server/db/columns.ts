import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Text in the three languages of the UI; Chinese kept in both scripts. */
export type LocalizedText = { 'zh-Hant': string; 'zh-Hans': string; en: string };

export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
/** A transaction id with its epoch (PostgreSQL's xid8): never wraps around, compares in order. */
export const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });
/** Bytes kept in the row (a file's content): `bytea`. */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
