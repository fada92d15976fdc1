import { hostsParty } from '../exchange/queries.ts';
import { asc, eq, sql } from 'drizzle-orm';
import type { Context } from '../platform/context.ts';
import { units, users, type LocalizedText } from '../db/schema.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { hashPassword, randomPassword } from './secrets.ts';

export const ADMIN_USERNAME = 'admin';

/**
 * Creates the platform administrator on first start. Its password is LIAISON_ADMIN_PASSWORD,
 * or a random one that is returned so that the caller prints it once.
 */
export async function ensureAdmin(ctx: Context): Promise<{ created: boolean; password: string | null }> {
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, ADMIN_USERNAME));
  if (existing) return { created: false, password: null };
  const password = ctx.config.adminPassword ?? randomPassword();
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [admin] = await tx
      .insert(users)
      .values({ username: ADMIN_USERNAME, displayName: 'Platform administrator', isPlatformAdmin: true, passwordHash, createdAt: now, updatedAt: now })
      .returning({ id: users.id });
    await recordAudit(tx, ctx.clock, { actor: systemActor, action: 'user.created', entityType: 'user', entityId: admin.id, data: { username: ADMIN_USERNAME, isPlatformAdmin: true } });
  });
  return { created: true, password: ctx.config.adminPassword ? null : password };
}

/** Demo accounts: `<unit code>-officer`, `-approver` and `-admin` for every liaison unit. */
export const demoUsernames = (unitCode: string) => ({ officer: `${unitCode}-officer`, approver: `${unitCode}-approver`, admin: `${unitCode}-admin` });

const demoRoles = { officer: ['officer'], approver: ['approver'], admin: ['unit_admin'] } as const;
/**
 * Demo people are named as their colleagues would write it: in the Mainland's Simplified, in Hong
 * Kong's and Macao's Traditional, with the English after it for English readers.
 */
const demoNames = {
  officer: { 'zh-Hant': '聯絡員', 'zh-Hans': '联络员', en: 'Liaison Officer' },
  approver: { 'zh-Hant': '批核人員', 'zh-Hans': '审批人员', en: 'Approving Officer' },
  admin: { 'zh-Hant': '單位管理員', 'zh-Hans': '单位管理员', en: 'Unit Administrator' },
} as const;
const demoName = (unit: { partyCode: string; name: LocalizedText }, role: keyof typeof demoNames) => {
  const script = unit.partyCode === 'GD' ? 'zh-Hans' : 'zh-Hant';
  return { displayName: `${unit.name[script]}${demoNames[role][script]}`, title: `${demoNames[role][script]} ${demoNames[role].en}` };
};

/** With LIAISON_DEMO=1, an officer, an approver and a unit administrator per unit, all with LIAISON_DEMO_PASSWORD. */
export async function ensureDemoUsers(ctx: Context): Promise<number> {
  if (!ctx.config.demo || !ctx.config.demoPassword) return 0;
  const passwordHash = await hashPassword(ctx.config.demoPassword);
  // On a node of one government, only the units it hosts get demo people.
  const allUnits = (await ctx.db.select().from(units).orderBy(asc(units.code))).filter((unit) => hostsParty(ctx, unit.partyCode));
  let created = 0;
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    for (const unit of allUnits) {
      const names = demoUsernames(unit.code);
      for (const role of ['officer', 'approver', 'admin'] as const) {
        const inserted = await tx
          .insert(users)
          .values({
            username: names[role],
            ...demoName(unit, role),
            unitId: unit.id,
            roles: [...demoRoles[role]],
            passwordHash,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: users.id });
        if (inserted.length === 0) continue;
        created++;
        await recordAudit(tx, ctx.clock, { actor: systemActor, action: 'user.created', entityType: 'user', entityId: inserted[0].id, unitId: unit.id, data: { username: names[role], demo: true } });
      }
    }
  });
  return created;
}

/**
 * Approvers and unit administrators are kept apart (accounts/policy.ts): an account made before
 * that holding both keeps approving and loses the unit administrator role, each change audited.
 * Run at start; returns how many accounts changed.
 */
export async function separateDuties(ctx: Context): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const changed = await tx
      .update(users)
      .set({ roles: sql`array_remove(${users.roles}, 'unit_admin')`, updatedAt: ctx.clock.now() })
      .where(sql`'approver' = any(${users.roles}) and 'unit_admin' = any(${users.roles})`)
      .returning({ id: users.id, username: users.username, unitId: users.unitId });
    for (const user of changed) {
      await recordAudit(tx, ctx.clock, { actor: systemActor, action: 'user.duties_separated', entityType: 'user', entityId: user.id, unitId: user.unitId, data: { username: user.username, removedRole: 'unit_admin' } });
    }
    return changed.length;
  });
}
