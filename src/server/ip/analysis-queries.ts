import { and, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { ipLeadPasses, ipLeads } from './schema.ts';

/** A lead's month in the region's time (UTC+8), as YYYY-MM. */
const month = sql<string>`to_char(${ipLeads.sentAt} at time zone 'UTC' + interval '8 hours', 'YYYY-MM')`;

/** The unit's own leads: those it sent or received (addressed to it, or passed on to it), sent in [from, until). */
function ownLeads(unitId: string, from: Date, until: Date) {
  return and(
    or(eq(ipLeads.fromUnitId, unitId), eq(ipLeads.toUnitId, unitId), sql`${ipLeads.id} in (select ${ipLeadPasses.leadId} from ${ipLeadPasses} where ${ipLeadPasses.unitId} = ${unitId})`),
    gte(ipLeads.sentAt, from),
    lt(ipLeads.sentAt, until),
  );
}

/** Counts of the unit's own leads by one dimension (goods and routes as written, trimmed and in lower case), largest first. */
async function countBy(db: DbOrTx, where: SQL | undefined, key: SQL<string>, limit: number) {
  const rows = await db
    .select({ key, count: sql<number>`count(*)::int` })
    .from(ipLeads)
    .where(where)
    .groupBy(key)
    .orderBy(sql`count(*) desc`, key)
    .limit(limit);
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

export async function leadCounts(db: DbOrTx, options: { unitId: string; from: Date; until: Date }) {
  const where = ownLeads(options.unitId, options.from, options.until);
  const [byChannel, byGoods, byRoute, byMonth] = await Promise.all([
    countBy(db, where, sql<string>`${ipLeads.channel}`, 20),
    countBy(db, where, sql<string>`lower(trim(${ipLeads.goods}))`, 10),
    countBy(db, where, sql<string>`coalesce(lower(trim(${ipLeads.route})), '')`, 10),
    db
      .select({ month, channel: ipLeads.channel, count: sql<number>`count(*)::int`, seizures: sql<number>`(count(*) filter (where ${ipLeads.outcome} = 'seizure'))::int` })
      .from(ipLeads)
      .where(where)
      .groupBy(month, ipLeads.channel),
  ]);
  return { byChannel, byGoods, byRoute, byMonth: byMonth.map((r) => ({ month: r.month, channel: r.channel, count: Number(r.count), seizures: Number(r.seizures) })) };
}
