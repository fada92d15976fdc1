import type { FastifyInstance } from 'fastify';
import type { Context } from '../../src/server/platform/context.ts';
import { buildUser, logInAs } from './harness.ts';

export async function api(app: FastifyInstance, cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) {
  return app.inject({ method, url: `/api/v1${url}`, headers: { cookie, ...headers }, payload });
}

/** An IMO number with a right check digit, made from six digits. */
export function imoFrom(six: number): string {
  const digits = String(six).padStart(6, '0');
  const sum = [...digits].reduce((total, d, i) => total + Number(d) * (7 - i), 0);
  return `${digits}${sum % 10}`;
}

let counter = 0;
const next = () => ++counter;

export function companyInput(place: 'GD' | 'HK' | 'MO', overrides: Record<string, unknown> = {}) {
  const n = next();
  const nameZh = place === 'GD' ? `测试客运公司${n}号` : `測試客運公司${n}號`;
  return { registrationNo: `${place}-CO-${n}`, place, nameZh, nameEn: `Test Ferry Company ${n}`, address: null, contactName: 'Duty operations manager', contactPhone: '+852 0000 0000', contactEmail: `ops${n}@ferry.example`, ...overrides };
}

export function shipInput(place: 'GD' | 'HK' | 'MO', companyId: string, overrides: Record<string, unknown> = {}) {
  const n = next();
  const route = place === 'GD' ? { from: 'GD-SK', to: 'HK-SKP' } : place === 'HK' ? { from: 'HK-SW', to: 'MO-OH' } : { from: 'MO-TP', to: 'HK-TST' };
  return {
    imoNumber: imoFrom(900000 + n * 7),
    mmsi: String(477000000 + n),
    callSign: `VR${String(n).padStart(4, '0')}`,
    nameZh: place === 'GD' ? `测试星${n}号` : `測試星${n}號`,
    nameEn: `Test Star ${n}`,
    place,
    portOfRegistry: place === 'HK' ? 'Hong Kong' : place === 'MO' ? 'Macao' : 'Shenzhen',
    shipType: 'catamaran',
    passengerCapacity: 400,
    companyId,
    routes: [route],
    ...overrides,
  };
}

export function rccModuleInput(centre: string, overrides: Record<string, unknown> = {}) {
  return {
    rccName: { 'zh-Hant': `${centre}（測試）`, 'zh-Hans': `${centre}（测试）`, en: `${centre} (test)` },
    telephone: '+852 2233 7999',
    fax: null,
    email: 'rcc@test.example',
    mmsi: '004773500',
    vhf: 'Channel 16, 70 (DSC)',
    address: { script: 'zh-Hant', zh: '測試地址一號', en: '1 Test Road' },
    procedures: { script: 'zh-Hant', zh: '接報後即時協調搜救行動。', en: `On alert, ${centre} co-ordinates the search and rescue.` },
    changeNote: null,
    ...overrides,
  };
}

export type Agencies = { gd: string; hk: string; mo: string };

/** An officer of each of the three agencies, logged in. */
export async function agencyOfficers(app: FastifyInstance, ctx: Context): Promise<Agencies> {
  const cookie = async (unit: string) => logInAs(app, (await buildUser(ctx, { unit, roles: ['officer', 'approver'] })).username);
  return { gd: await cookie('gd-msar'), hk: await cookie('hk-mrcc'), mo: await cookie('mo-dsamma') };
}

/** Each agency issues its Module 3, with its centre's name in the content. */
export async function issueAllModules(app: FastifyInstance, agencies: Agencies) {
  for (const [cookie, centre] of [[agencies.gd, 'Guangdong MRCC'], [agencies.hk, 'MRCC Hong Kong'], [agencies.mo, 'Macao Maritime Rescue']] as const) {
    const response = await api(app, cookie, 'POST', '/sar-plans/rcc-modules', rccModuleInput(centre));
    if (response.statusCode !== 201) throw new Error(`module not issued: ${response.body}`);
  }
}

/** A company and a ship of a place, registered by its agency; returns the ship's id. */
export async function buildShip(app: FastifyInstance, cookie: string, place: 'GD' | 'HK' | 'MO', overrides: Record<string, unknown> = {}) {
  const company = await api(app, cookie, 'POST', '/sar-plans/companies', companyInput(place));
  if (company.statusCode !== 201) throw new Error(`company not registered: ${company.body}`);
  const ship = await api(app, cookie, 'POST', '/sar-plans/ships', shipInput(place, company.json().id, overrides));
  if (ship.statusCode !== 201) throw new Error(`ship not registered: ${ship.body}`);
  return { shipId: ship.json().id as string, companyId: company.json().id as string };
}

/** A plan for a new ship of a place, drawn up and (unless asked not to) issued by its agency. */
export async function buildPlan(app: FastifyInstance, cookie: string, place: 'GD' | 'HK' | 'MO', options: { issue?: boolean } = {}) {
  const { shipId } = await buildShip(app, cookie, place);
  const created = await api(app, cookie, 'POST', '/sar-plans/plans', { shipId, facilities: [{ place, kind: 'vessel', nameZh: place === 'GD' ? '海巡测试艇' : '測試救援艇', nameEn: 'Test rescue boat', contact: null }] });
  if (created.statusCode !== 201) throw new Error(`plan not created: ${created.body}`);
  const id = created.json().id as string;
  if (options.issue === false) return id;
  const issued = await api(app, cookie, 'POST', `/sar-plans/plans/${id}/issue`);
  if (issued.statusCode !== 200) throw new Error(`plan not issued: ${issued.body}`);
  return id;
}
