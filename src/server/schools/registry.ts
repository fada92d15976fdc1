import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { users } from '../db/schema.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { hashPassword } from '../accounts/secrets.ts';
import { schoolPolicy, type SchoolActor } from './policy.ts';
import { linkedSchoolIds, listSchoolRows, pairedSchoolIds, schoolActorOf, schoolById, sisterCounts, type SchoolFilter, type SchoolRow } from './queries.ts';
import { presentActor, presentSchool } from './present.ts';
import { indexSchool } from './search-index.ts';
import { shareSchool } from './exchange.ts';
import { schoolCoordinators, schools } from './schema.ts';
import type { coordinatorBody, schoolBody, updateSchoolBody } from './schemas.ts';

export const actorOf = (viewer: Viewer) => ({ id: viewer.userId, label: viewer.username });
export const invalid = (field: string, code = 'invalid_value', params?: Record<string, unknown>) => new AppError('validation.failed', { fields: [{ field, code, params }] });

/** Hong Kong schools are government, aided, DSS or private; Mainland schools public (公办) or minban (民办). */
export const sectorsOfSide: Record<string, readonly string[]> = { HK: ['government', 'aided', 'dss', 'private'], GD: ['public', 'minban'] };

/** The viewer as the scheme knows them; anyone else is refused. */
export async function requireSchoolActor(ctx: Context, viewer: Viewer): Promise<SchoolActor> {
  const actor = await schoolActorOf(ctx.db, viewer);
  if (!schoolPolicy.takesPart(actor)) throw forbidden('not a school coordinator nor an education authority of the sister-schools agreement');
  return actor;
}

/** Who the viewer is in the scheme; anyone signed in may ask (the navigation does, for every user), so it refuses no one. */
export async function describeSchoolActor(ctx: Context, options: { viewer: Viewer }) {
  const actor = await schoolActorOf(ctx.db, options.viewer);
  return presentActor(actor, actor.schoolId ? ((await schoolById(ctx.db, actor.schoolId)) ?? null) : null);
}

/** Schools as the actor may see them: contact details per schoolPolicy.seeContacts. */
export async function presentSchoolsFor(ctx: Context, actor: SchoolActor, rows: SchoolRow[]) {
  const ids = rows.map((r) => r.id);
  const [linked, paired, sisters] = await Promise.all([
    actor.schoolId ? linkedSchoolIds(ctx.db, actor.schoolId) : Promise.resolve(new Set<string>()),
    actor.authority ? pairedSchoolIds(ctx.db, ids) : Promise.resolve(new Set<string>()),
    sisterCounts(ctx.db, ids),
  ]);
  return rows.map((r) => presentSchool(r, { contacts: schoolPolicy.seeContacts(actor, r, linked.has(r.id) || paired.has(r.id)), sisters: sisters.get(r.id) ?? 0 }));
}

export async function listSchools(ctx: Context, options: { viewer: Viewer; filter: SchoolFilter }) {
  const actor = await requireSchoolActor(ctx, options.viewer);
  const { rows, total } = await listSchoolRows(ctx.db, options.filter);
  return { total, schools: await presentSchoolsFor(ctx, actor, rows) };
}

export async function getSchool(ctx: Context, options: { viewer: Viewer; id: string }) {
  const actor = await requireSchoolActor(ctx, options.viewer);
  const row = await schoolById(ctx.db, options.id);
  if (!row) throw notFound('school');
  return (await presentSchoolsFor(ctx, actor, [row]))[0];
}

export function checkSchoolFields(input: { side: string; sector?: string }, prefix = '') {
  if (input.sector && !sectorsOfSide[input.side]?.includes(input.sector)) throw invalid(`${prefix}sector`, 'sector_of_side');
}

/** The side's authority adds a school to the registry by hand (imports do many at once). */
export async function createSchool(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof schoolBody> }) {
  const { viewer, input } = options;
  const actor = await requireSchoolActor(ctx, viewer);
  if (!schoolPolicy.keepRegistry(actor, input.side)) throw forbidden('only the side’s education authority keeps its registry');
  checkSchoolFields(input);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.code, input.code));
    if (existing) throw new AppError('conflict', { params: { what: 'school_code' } });
    const now = ctx.clock.now();
    const { side, ...rest } = input;
    const [row] = await tx
      .insert(schools)
      .values({ ...rest, partyCode: side, address: rest.address ?? null, contactName: rest.contactName ?? null, contactEmail: rest.contactEmail ?? null, contactPhone: rest.contactPhone ?? null, isSample: false, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'school.created', entityType: 'school', entityId: row.id, unitId: viewer.unitId, data: { code: row.code, side } });
    await indexSchool(tx, ctx, row);
    await shareSchool(tx, ctx, row);
    return row.id;
  });
}

/** A coordinator keeps their school's profile and preferences; the side's authority any of its schools. */
export async function updateSchool(ctx: Context, options: { viewer: Viewer; id: string; change: z.infer<typeof updateSchoolBody> }) {
  const { viewer, id, change } = options;
  const actor = await requireSchoolActor(ctx, viewer);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(schools).where(eq(schools.id, id)).for('update');
    if (!row) throw notFound('school');
    if (!schoolPolicy.editSchool(actor, row)) throw forbidden('may not edit this school');
    checkSchoolFields({ side: row.partyCode, sector: change.sector });
    const [updated] = await tx
      .update(schools)
      .set({ ...change, updatedAt: ctx.clock.now() })
      .where(eq(schools.id, id))
      .returning();
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'school.updated', entityType: 'school', entityId: id, unitId: viewer.unitId, data: { code: row.code, fields: Object.keys(change) } });
    await indexSchool(tx, ctx, updated);
    await shareSchool(tx, ctx, updated);
  });
}

/**
 * The side's authority gives a school a coordinator account: a user of no liaison unit, who
 * acts for that school only. The first password is the authority's; its holder chooses their own.
 */
export async function appointCoordinator(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof coordinatorBody> }) {
  const { viewer, id, input } = options;
  const actor = await requireSchoolActor(ctx, viewer);
  const school = await schoolById(ctx.db, id);
  if (!school) throw notFound('school');
  if (!schoolPolicy.appointCoordinator(actor, school)) throw forbidden('only the side’s education authority appoints coordinators');
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, input.username.toLowerCase()));
    if (taken) throw new AppError('conflict', { params: { what: 'username' } });
    const now = ctx.clock.now();
    const [user] = await tx
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, email: input.email ?? null, unitId: null, roles: [], passwordHash, mustChangePassword: true, createdAt: now, updatedAt: now })
      .returning({ id: users.id });
    await tx.insert(schoolCoordinators).values({ userId: user.id, schoolId: id, appointedAt: now });
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'user.created', entityType: 'user', entityId: user.id, unitId: viewer.unitId, data: { username: input.username, schoolCoordinatorOf: school.code } });
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'school_coordinator.appointed', entityType: 'school', entityId: id, unitId: viewer.unitId, data: { username: input.username, code: school.code } });
    return user.id;
  });
}
