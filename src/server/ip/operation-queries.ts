import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { ipLeads, ipOperationLeads, ipOperationMembers, ipOperations } from './schema.ts';

export type OperationRow = typeof ipOperations.$inferSelect & { memberUnitIds: string[] };

async function withMembers(db: DbOrTx, rows: (typeof ipOperations.$inferSelect)[]): Promise<OperationRow[]> {
  if (!rows.length) return [];
  const members = await db.select().from(ipOperationMembers).where(inArray(ipOperationMembers.operationId, rows.map((r) => r.id)));
  return rows.map((r) => ({ ...r, memberUnitIds: members.filter((m) => m.operationId === r.id).map((m) => m.unitId) }));
}

export async function operationById(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<OperationRow | undefined> {
  const query = db.select().from(ipOperations).where(eq(ipOperations.id, id));
  return (await withMembers(db, options.forUpdate ? await query.for('update') : await query))[0];
}

/** The operations a unit is a member of, latest window first. */
export async function operationsOfUnit(db: DbOrTx, unitId: string): Promise<OperationRow[]> {
  const rows = await db
    .select({ operation: ipOperations })
    .from(ipOperations)
    .innerJoin(ipOperationMembers, and(eq(ipOperationMembers.operationId, ipOperations.id), eq(ipOperationMembers.unitId, unitId)))
    .orderBy(desc(ipOperations.startsOn), asc(ipOperations.name))
    .limit(200);
  return withMembers(
    db,
    rows.map((r) => r.operation),
  );
}

/** The leads attached to an operation, with the state the results are counted from. */
export async function leadsOfOperation(db: DbOrTx, operationId: string) {
  return db
    .select({ leadId: ipOperationLeads.leadId, attachedByUnitId: ipOperationLeads.attachedByUnitId, at: ipOperationLeads.at, lead: ipLeads })
    .from(ipOperationLeads)
    .innerJoin(ipLeads, eq(ipLeads.id, ipOperationLeads.leadId))
    .where(eq(ipOperationLeads.operationId, operationId))
    .orderBy(asc(ipOperationLeads.at));
}
