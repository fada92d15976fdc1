// Every table of the application. Each module keeps its own tables in its folder
// (`<module>/schema.ts`); this file gathers them for drizzle (relational queries, drizzle-kit)
// and for code that reaches tables of several modules.
export type { LocalizedText } from './columns.ts';
export * from '../directory/schema.ts';
export * from '../directory/liaison-posts-schema.ts';
export * from '../directory/duty-contacts-schema.ts';
export * from '../accounts/schema.ts';
export * from '../agreements/schema.ts';
export * from '../agreements/versions-schema.ts';
export * from '../audit/schema.ts';
export * from '../reference/schema.ts';
export * from '../search/schema.ts';
export * from '../progress/schema.ts';
export * from '../notifications/schema.ts';
export * from '../platform/schema.ts';
export * from '../verification/schema.ts';
export * from '../meetings/schema.ts';
export * from '../mail/schema.ts';
export * from '../schools/schema.ts';
export * from '../exchange/schema.ts';
export * from '../ip/schema.ts';
export * from '../sar-plans/schema.ts';
export * from './relations.ts';
