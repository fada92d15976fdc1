import { eq } from 'drizzle-orm';
import type { Context } from '../platform/context.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { isValidImoNumber } from '../../shared/modules/sar-plans.ts';
import { findAgencies } from './queries.ts';
import { rccModules, sarCompanies, sarShips, type RccModuleContent } from './schema.ts';

/**
 * The demonstration (LIAISON_DEMO=1 only): each agency's Module 3 as version 1 and a made-up
 * company and ship per place, all flagged as sample (a badge wherever shown, never exported).
 * Only the names of the centres are real; every telephone, address, procedure, company and ship
 * is made up (telephones in the 0000 range, no real ship's name, IMO numbers of the 999xxxx range).
 */
const sample = (text: string) => ({ 'zh-Hant': `${text}（示例）`, 'zh-Hans': `${text}（示例）`, en: `${text} (sample)` });
const centres: Record<string, { rccName: RccModuleContent['rccName']; telephone: string; addressZh: string; addressEn: string }> = {
  'gd-msar': { rccName: { 'zh-Hant': '廣東省海上搜救中心', 'zh-Hans': '广东省海上搜救中心', en: 'Guangdong Maritime Search and Rescue Centre' }, telephone: '+86 20 0000 0000', addressZh: '廣州市示例路1號', addressEn: '1 Sample Road, Guangzhou' },
  'hk-mrcc': { rccName: { 'zh-Hant': '香港海上救援協調中心', 'zh-Hans': '香港海上救援协调中心', en: 'Hong Kong Maritime Rescue Co-ordination Centre' }, telephone: '+852 0000 0000', addressZh: '香港示例道1號', addressEn: '1 Sample Street, Hong Kong' },
  'mo-dsamma': { rccName: { 'zh-Hant': '澳門海事及水務局', 'zh-Hans': '澳门海事及水务局', en: 'Marine and Water Bureau, Macao' }, telephone: '+853 0000 0000', addressZh: '澳門示例街1號', addressEn: '1 Sample Street, Macao' },
};

const samples = [
  { place: 'HK', company: { registrationNo: 'SAMPLE-HK-CO', nameZh: '晨星客運（示例）', nameEn: 'Morning Star Ferries (sample)' }, ship: { imo: 999001, mmsi: '477999001', callSign: 'VRX01', nameZh: '晨星一號（示例）', nameEn: 'Morning Star One (sample)', port: 'Hong Kong', routes: [{ from: 'HK-SW', to: 'MO-OH' }] } },
  { place: 'MO', company: { registrationNo: 'SAMPLE-MO-CO', nameZh: '蓮島快線（示例）', nameEn: 'Lotus Isle Express (sample)' }, ship: { imo: 999002, mmsi: '453999002', callSign: 'XXX02', nameZh: '蓮島二號（示例）', nameEn: 'Lotus Isle Two (sample)', port: 'Macao', routes: [{ from: 'MO-TP', to: 'HK-SKP' }] } },
  { place: 'GD', company: { registrationNo: 'SAMPLE-GD-CO', nameZh: '珠江晨风客运（示例）', nameEn: 'Pearl Breeze Ferries (sample)' }, ship: { imo: 999003, mmsi: '413999003', callSign: 'BXX03', nameZh: '珠江晨风三号（示例）', nameEn: 'Pearl Breeze Three (sample)', port: 'Shenzhen', routes: [{ from: 'GD-SK', to: 'HK-SKP' }] } },
] as const;

const imoOf = (six: number) => {
  const digits = String(six);
  const sum = [...digits].reduce((total, d, i) => total + Number(d) * (7 - i), 0);
  const imo = `${digits}${sum % 10}`;
  if (!isValidImoNumber(imo)) throw new Error(`bad sample IMO ${imo}`);
  return imo;
};

export async function ensureSamplePlans(ctx: Context): Promise<number> {
  if (!ctx.config.demo) return 0;
  const [already] = await ctx.db.select({ id: sarCompanies.id }).from(sarCompanies).where(eq(sarCompanies.registrationNo, 'SAMPLE-HK-CO'));
  if (already) return 0;
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    for (const agency of await findAgencies(tx)) {
      const [existing] = await tx.select({ id: rccModules.id }).from(rccModules).where(eq(rccModules.unitId, agency.id));
      if (existing) continue;
      const c = centres[agency.code];
      const content: RccModuleContent = { rccName: c.rccName, telephone: c.telephone, fax: null, email: `rcc-${agency.code}@sample.example`, mmsi: null, vhf: 'VHF 16 (sample)', address: { 'zh-Hant': c.addressZh, 'zh-Hans': c.addressZh, en: c.addressEn }, procedures: sample('接報後協調搜救行動，並通知其他兩地搜救機構') };
      const [row] = await tx.insert(rccModules).values({ unitId: agency.id, version: 1, content, changeNote: null, isSample: true, issuedAt: now, issuedBy: 'Liaison (sample)' }).returning();
      await recordAudit(tx, ctx.clock, { actor: systemActor, action: 'rcc_module.issued', entityType: 'rcc_module', entityId: row.id, unitId: agency.id, data: { version: 1, sample: true } });
    }
    for (const s of samples) {
      const [company] = await tx
        .insert(sarCompanies)
        .values({ ...s.company, place: s.place, address: null, contactName: 'Duty manager (sample)', contactPhone: '+852 0000 0001', contactEmail: null, isSample: true, createdAt: now, updatedAt: now })
        .returning();
      const [ship] = await tx
        .insert(sarShips)
        .values({ imoNumber: imoOf(s.ship.imo), mmsi: s.ship.mmsi, callSign: s.ship.callSign, nameZh: s.ship.nameZh, nameEn: s.ship.nameEn, place: s.place, portOfRegistry: s.ship.port, shipType: 'catamaran', passengerCapacity: 300, companyId: company.id, routes: [...s.ship.routes], isSample: true, createdAt: now, updatedAt: now })
        .returning();
      await recordAudit(tx, ctx.clock, { actor: systemActor, action: 'sar_company.created', entityType: 'sar_company', entityId: company.id, data: { sample: true } });
      await recordAudit(tx, ctx.clock, { actor: systemActor, action: 'sar_ship.created', entityType: 'sar_ship', entityId: ship.id, data: { sample: true } });
    }
    return samples.length;
  });
}
