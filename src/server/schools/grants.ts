import { and, asc, eq, inArray, isNull, lte, or, gte } from 'drizzle-orm';
import type { Context, Viewer } from '../platform/context.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { parsePeriod } from '../progress/periods.ts';
import { schoolPolicy } from './policy.ts';
import { schoolById } from './queries.ts';
import { actorOf, requireSchoolActor } from './registry.ts';
import { grantRates, grantSpending, sisterPairs } from './schema.ts';

/** ¶14: public-sector and DSS primary and secondary schools, special schools included. */
const eligibleSectors = ['government', 'aided', 'dss'];
const eligibleLevels = ['primary', 'secondary', 'special'];

/**
 * A Hong Kong school's grant for a school year: eligible with a pair active at some time in the
 * year, of the amount configured for that year (HK$120,000 in the 2015/16 pilot, ¶14), and what
 * it reported spending against it.
 */
export async function getGrant(ctx: Context, options: { viewer: Viewer; id: string; schoolYear: string }) {
  const actor = await requireSchoolActor(ctx, options.viewer);
  const school = await schoolById(ctx.db, options.id);
  if (!school) throw notFound('school');
  if (!schoolPolicy.readGrant(actor, school)) throw forbidden('the grant is the Hong Kong school’s and the Education Bureau’s');
  const { start, end } = parsePeriod(options.schoolYear);
  const [[rate], pairs, spending] = await Promise.all([
    ctx.db.select().from(grantRates).where(eq(grantRates.schoolYear, options.schoolYear)),
    ctx.db
      .select({ id: sisterPairs.id })
      .from(sisterPairs)
      .where(and(eq(sisterPairs.hkSchoolId, school.id), inArray(sisterPairs.status, ['active', 'dormant', 'ended']), lte(sisterPairs.startedOn, end), or(isNull(sisterPairs.endedOn), gte(sisterPairs.endedOn, start))))
      .limit(1),
    ctx.db.select().from(grantSpending).where(and(eq(grantSpending.schoolId, school.id), eq(grantSpending.schoolYear, options.schoolYear))).orderBy(asc(grantSpending.reportedAt)),
  ]);
  const reasons = [
    ...(eligibleSectors.includes(school.sector) ? [] : ['sector']),
    ...(eligibleLevels.includes(school.level) ? [] : ['level']),
    ...(pairs.length ? [] : ['no_active_pair']),
    ...(rate ? [] : ['no_rate']),
  ];
  const eligible = reasons.length === 0;
  const amountHkd = eligible ? rate!.amountHkd : 0;
  const spentHkd = spending.reduce((n, s) => n + s.amountHkd, 0);
  return {
    schoolYear: options.schoolYear,
    eligible,
    reasons: eligible ? ['active_pair'] : reasons,
    amountHkd,
    rateSource: rate?.source ?? null,
    spentHkd,
    balanceHkd: amountHkd - spentHkd,
    spending: spending.map((s) => ({ id: s.id, amountHkd: s.amountHkd, item: s.item, reportedBy: s.reportedBy, reportedAt: s.reportedAt.toISOString() })),
  };
}

export async function listGrantRates(ctx: Context, options: { viewer: Viewer }) {
  await requireSchoolActor(ctx, options.viewer);
  return (await ctx.db.select().from(grantRates).orderBy(asc(grantRates.schoolYear))).map((r) => ({ schoolYear: r.schoolYear, amountHkd: r.amountHkd, source: r.source }));
}

/** The Education Bureau sets a school year's grant (an approver: it is money). */
export async function setGrantRate(ctx: Context, options: { viewer: Viewer; schoolYear: string; amountHkd: number; source: string }) {
  const actor = await requireSchoolActor(ctx, options.viewer);
  if (!schoolPolicy.setGrantRate(actor)) throw forbidden('an approver of the Education Bureau sets the grant');
  await ctx.db.transaction(async (tx) => {
    const values = { schoolYear: options.schoolYear, amountHkd: options.amountHkd, source: options.source, updatedAt: ctx.clock.now() };
    await tx.insert(grantRates).values(values).onConflictDoUpdate({ target: grantRates.schoolYear, set: values });
    await recordAudit(tx, ctx.clock, { actor: actorOf(options.viewer), action: 'grant_rate.set', entityType: 'grant_rate', entityId: options.schoolYear, unitId: options.viewer.unitId, data: { amountHkd: options.amountHkd, source: options.source } });
  });
}

/** The Hong Kong school reports what it spent against its grant, item by item. */
export async function reportSpending(ctx: Context, options: { viewer: Viewer; id: string; schoolYear: string; amountHkd: number; item: string }) {
  const actor = await requireSchoolActor(ctx, options.viewer);
  const school = await schoolById(ctx.db, options.id);
  if (!school) throw notFound('school');
  if (!schoolPolicy.reportSpending(actor, school)) throw forbidden('only the school reports its own spending');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(grantSpending).values({ schoolId: school.id, schoolYear: options.schoolYear, amountHkd: options.amountHkd, item: options.item, reportedBy: options.viewer.displayName, reportedAt: ctx.clock.now() }).returning({ id: grantSpending.id });
    await recordAudit(tx, ctx.clock, { actor: actorOf(options.viewer), action: 'grant_spending.reported', entityType: 'grant_spending', entityId: row.id, data: { school: school.code, schoolYear: options.schoolYear, amountHkd: options.amountHkd, item: options.item } });
  });
}
