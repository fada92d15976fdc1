import { eq } from 'drizzle-orm';
import { users } from '../db/schema.ts';
import type { Context } from '../platform/context.ts';
import { regionDay } from '../platform/clock.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { hashPassword } from '../accounts/secrets.ts';
import { indexPair, indexSchool } from './search-index.ts';
import { schoolCoordinators, schools, sisterPairEvents, sisterPairs } from './schema.ts';

/**
 * Made-up schools for the demonstration (LIAISON_DEMO=1 only): 30 on each side, every one
 * flagged as sample (shown with a badge, never counted in progress figures, never exported),
 * coded SAMPLE-HK-nn / SAMPLE-GD-nn. No real school is named.
 */
const hkWords = [['晨曦', 'Morning Light'], ['嘉禾', 'Fine Harvest'], ['翠林', 'Green Grove'], ['明德', 'Bright Virtue'], ['啟思', 'Open Mind'], ['海濱', 'Seaside'], ['松柏', 'Pine and Cypress'], ['育才', 'Nurturing Talent'], ['仁愛', 'Benevolence'], ['博文', 'Broad Learning']] as const;
const gdWords = [['阳光', 'Sunshine'], ['星河', 'Star River'], ['育英', 'Fostering Excellence'], ['启明', 'Daybreak'], ['朝阳', 'Rising Sun'], ['南粤', 'Southern Yue'], ['珠江', 'Pearl River'], ['红棉', 'Kapok'], ['凤凰', 'Phoenix'], ['丹霞', 'Red Cloud']] as const;
const hkDistricts = [['沙田', 'Sha Tin'], ['屯門', 'Tuen Mun'], ['觀塘', 'Kwun Tong'], ['元朗', 'Yuen Long'], ['東區', 'Eastern'], ['大埔', 'Tai Po']] as const;
const gdDistricts = ['广州市天河区', '深圳市南山区', '佛山市禅城区', '东莞市', '珠海市香洲区', '中山市'] as const;
const themes = ['STEM', '中華文化', 'sport', 'music', 'reading', 'environment'] as const;
const levels = [['primary', '小學', '小学', 'Primary School'], ['secondary', '中學', '中学', 'Secondary School'], ['special', '特殊學校', '特殊教育学校', 'Special School']] as const;

export function sampleSchools() {
  const rows = [];
  for (let i = 0; i < 30; i++) {
    const [level, hkSuffix, gdSuffix, enSuffix] = levels[i % 10 === 9 ? 2 : i % 2];
    const hkWord = hkWords[i % 10];
    const gdWord = gdWords[i % 10];
    const round = Math.floor(i / 10);
    const [hkDistrictZh, hkDistrictEn] = hkDistricts[i % 6];
    const gdDistrict = gdDistricts[(i + 2) % 6];
    const n = String(i + 1).padStart(2, '0');
    const theme = themes[i % 6];
    rows.push({
      code: `SAMPLE-HK-${n}`,
      partyCode: 'HK',
      nameZh: `${hkDistrictZh}${hkWord[0]}${round ? ['', '第二', '第三'][round] : ''}${hkSuffix}（示例）`,
      nameEn: `${hkWord[1]} ${enSuffix}${round ? ` No. ${round + 1}` : ''}, ${hkDistrictEn} (sample)`,
      level,
      sector: ['aided', 'government', 'dss', 'private'][i % 4],
      district: hkDistrictEn,
      address: `${hkDistrictZh}示例道 ${i + 1} 號`,
      features: [theme],
      contactName: `示例老師 ${n}`,
      contactEmail: `sample-hk-${n}@school.example`,
      contactPhone: `+852 2000 ${String(1000 + i)}`,
      preferences: { levels: [level], sectors: [], districts: [gdDistrict.slice(0, 3)], themes: [theme] },
    });
    rows.push({
      code: `SAMPLE-GD-${n}`,
      partyCode: 'GD',
      nameZh: `${gdDistrict}${gdWord[0]}${round ? ['', '第二', '第三'][round] : ''}${gdSuffix}（示例）`,
      nameEn: `${gdWord[1]} ${enSuffix}${round ? ` No. ${round + 1}` : ''}, ${gdDistrict.slice(0, 2)} (sample)`,
      level,
      sector: i % 3 === 2 ? 'minban' : 'public',
      district: gdDistrict,
      address: `${gdDistrict}示例路 ${i + 1} 号`,
      features: [themes[(i + 1) % 6], theme],
      contactName: `示例老师 ${n}`,
      contactEmail: `sample-gd-${n}@school.example`,
      contactPhone: `+86 20 3000 ${String(1000 + i)}`,
      preferences: { levels: [level], sectors: [], districts: [hkDistrictEn], themes: [theme] },
    });
  }
  return rows;
}

/** Demo coordinators: school-hk-01 … and school-gd-01 …, for the first three sample schools of each side. */
export const sampleCoordinators = ['01', '02', '03'].flatMap((n) => [
  { username: `school-hk-${n}`, code: `SAMPLE-HK-${n}`, displayName: `示例學校聯絡老師 ${n} Sample coordinator` },
  { username: `school-gd-${n}`, code: `SAMPLE-GD-${n}`, displayName: `示例学校联络老师 ${n} Sample coordinator` },
]);

/** With LIAISON_DEMO=1: the sample schools, their coordinators and one active sample pair (04 ↔ 04). Idempotent. */
export async function ensureSampleSchools(ctx: Context): Promise<number> {
  if (!ctx.config.demo || !ctx.config.demoPassword) return 0;
  const [already] = await ctx.db.select({ id: schools.id }).from(schools).where(eq(schools.code, 'SAMPLE-HK-01'));
  if (already) return 0;
  const passwordHash = await hashPassword(ctx.config.demoPassword);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const inserted = await tx
      .insert(schools)
      .values(sampleSchools().map((s) => ({ ...s, isSample: true, createdAt: now, updatedAt: now })))
      .returning();
    const byCode = new Map(inserted.map((s) => [s.code, s]));
    for (const row of inserted) {
      await recordAudit(tx, ctx.clock, { actor: systemActor, action: 'school.created', entityType: 'school', entityId: row.id, data: { code: row.code, sample: true } });
      await indexSchool(tx, ctx, row);
    }
    for (const c of sampleCoordinators) {
      const [user] = await tx.insert(users).values({ username: c.username, displayName: c.displayName, unitId: null, roles: [], passwordHash, createdAt: now, updatedAt: now }).onConflictDoNothing().returning({ id: users.id });
      if (!user) continue;
      await tx.insert(schoolCoordinators).values({ userId: user.id, schoolId: byCode.get(c.code)!.id, appointedAt: now });
      await recordAudit(tx, ctx.clock, { actor: systemActor, action: 'school_coordinator.appointed', entityType: 'school', entityId: byCode.get(c.code)!.id, data: { username: c.username, demo: true } });
    }
    const [hk, gd] = [byCode.get('SAMPLE-HK-04')!, byCode.get('SAMPLE-GD-04')!];
    const [pair] = await tx
      .insert(sisterPairs)
      .values({ hkSchoolId: hk.id, gdSchoolId: gd.id, status: 'active', origin: 'authority', proposedBy: '00000000-0000-0000-0000-000000000000', proposedByParty: 'HK', hkConsentAt: now, gdConsentAt: now, hkEndorsedAt: now, gdEndorsedAt: now, startedOn: regionDay(now), createdAt: now, updatedAt: now })
      .returning();
    await tx.insert(sisterPairEvents).values({ pairId: pair.id, kind: 'sample_loaded', side: null, actorId: null, actor: 'system', comment: 'sample pair', at: now });
    await recordAudit(tx, ctx.clock, { actor: systemActor, action: 'sister_pair.endorsed', entityType: 'sister_pair', entityId: pair.id, data: { sample: true } });
    await indexPair(tx, ctx, pair, hk, gd);
    return inserted.length;
  });
}
