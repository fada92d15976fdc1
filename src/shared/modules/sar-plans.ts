import { defineModule } from './manifest.ts';

/**
 * The passenger-ship SAR co-operation plans module (M23–M25, 粵港澳三地搜救機構《客船與搜救中心
 * 合作計劃》互認合作安排): what the rest of the system needs to know of it — its agreement, its
 * place in the navigation, what it audits and its locale namespace.
 */
export const sarAuditActions = [
  'sar_company.created',
  'sar_company.updated',
  'sar_ship.created',
  'sar_ship.updated',
  'sar_register.imported',
  'rcc_module.issued',
  'sar_plan.created',
  'sar_plan.updated',
  'sar_plan.issued',
  'sar_plan.withdrawn',
  'sar_plan.recognised',
  'sar_plan.reminded',
  'sar_copy.acknowledged',
  'sar_copy.withdrawal_acknowledged',
  'sar_exercise.recorded',
] as const;

export const sarAuditEntities = ['sar_company', 'sar_ship', 'rcc_module', 'sar_plan', 'sar_plan_copy', 'sar_exercise'] as const;

/** What the three agencies exchange: the platform administrator sees only an outline of these in the audit trail. */
export const sarExchangedEntities = ['rcc_module', 'sar_plan', 'sar_plan_copy', 'sar_exercise'] as const;

/** The module as the registry lists it (src/shared/modules.ts). */
export const sarPlansModule = defineModule({
  id: 'sar-plans',
  agreement: 'sar-plans',
  nav: { path: '/sar-plans', labelKey: 'nav.modules.sarPlans', group: 'agreement', built: true, audience: 'unit' },
  auditActions: sarAuditActions,
  auditEntities: sarAuditEntities,
  searchKinds: [],
  locales: ['ui-sar-plans'],
});

/**
 * The three SAR agencies of the arrangement (its clause 1), by their unit codes in
 * data/reference/units.json, with the place whose ships each draws up plans with.
 */
export const sarAgencies = [
  { unit: 'gd-msar', place: 'GD' },
  { unit: 'hk-mrcc', place: 'HK' },
  { unit: 'mo-dsamma', place: 'MO' },
] as const;
export const sarPlaces = ['GD', 'HK', 'MO'] as const;
export type SarPlace = (typeof sarPlaces)[number];

export const shipTypes = ['catamaran', 'monohull', 'jetfoil', 'hovercraft', 'conventional'] as const;
export const exerciseKinds = ['full_scale', 'coordination', 'communications'] as const;
export const planStatuses = ['draft', 'issued', 'withdrawn'] as const;
/** A plan's five controlled copies (clause 1: 一式五份), numbered in this order. */
export const copyHolders = ['owner_agency', 'agency_2', 'agency_3', 'company', 'ship'] as const;

/**
 * Passenger terminals of the three places that cross-boundary scheduled ships sail between
 * (the route of a ship joins two of them, of two different places).
 */
export const sarPorts = [
  { code: 'HK-SW', place: 'HK', name: { 'zh-Hant': '港澳客輪碼頭（上環）', 'zh-Hans': '港澳客轮码头（上环）', en: 'Hong Kong–Macau Ferry Terminal (Sheung Wan)' } },
  { code: 'HK-TST', place: 'HK', name: { 'zh-Hant': '中國客運碼頭（尖沙咀）', 'zh-Hans': '中国客运码头（尖沙咀）', en: 'China Ferry Terminal (Tsim Sha Tsui)' } },
  { code: 'HK-SKP', place: 'HK', name: { 'zh-Hant': '海天客運碼頭（香港國際機場）', 'zh-Hans': '海天客运码头（香港国际机场）', en: 'SkyPier (Hong Kong International Airport)' } },
  { code: 'HK-TM', place: 'HK', name: { 'zh-Hant': '屯門客運碼頭', 'zh-Hans': '屯门客运码头', en: 'Tuen Mun Ferry Terminal' } },
  { code: 'MO-OH', place: 'MO', name: { 'zh-Hant': '外港客運碼頭', 'zh-Hans': '外港客运码头', en: 'Outer Harbour Ferry Terminal, Macao' } },
  { code: 'MO-TP', place: 'MO', name: { 'zh-Hant': '氹仔客運碼頭', 'zh-Hans': '氹仔客运码头', en: 'Taipa Ferry Terminal, Macao' } },
  { code: 'GD-SK', place: 'GD', name: { 'zh-Hant': '深圳蛇口港', 'zh-Hans': '深圳蛇口港', en: 'Shekou, Shenzhen' } },
  { code: 'GD-FY', place: 'GD', name: { 'zh-Hant': '深圳機場福永碼頭', 'zh-Hans': '深圳机场福永码头', en: 'Fuyong Ferry Terminal, Shenzhen Airport' } },
  { code: 'GD-JZ', place: 'GD', name: { 'zh-Hant': '珠海九洲港', 'zh-Hans': '珠海九洲港', en: 'Jiuzhou Port, Zhuhai' } },
  { code: 'GD-ZS', place: 'GD', name: { 'zh-Hant': '中山港', 'zh-Hans': '中山港', en: 'Zhongshan Port' } },
  { code: 'GD-NS', place: 'GD', name: { 'zh-Hant': '廣州南沙客運港', 'zh-Hans': '广州南沙客运港', en: 'Nansha Passenger Port, Guangzhou' } },
  { code: 'GD-LHS', place: 'GD', name: { 'zh-Hant': '廣州蓮花山港', 'zh-Hans': '广州莲花山港', en: 'Lianhuashan Port, Guangzhou' } },
] as const;
export const sarPortCodes = sarPorts.map((p) => p.code) as unknown as readonly [string, ...string[]];

/** IMO ship identification number (SOLAS XI-1/3): seven digits, the last the check digit of the first six weighted 7…2. */
export function isValidImoNumber(value: string): boolean {
  if (!/^\d{7}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 6).reduce((total, digit, index) => total + digit * (7 - index), 0);
  return sum % 10 === digits[6];
}

/** The months within which a plan's exercise is due again (MSC.1/Circ.1079/Rev.1: at least once in 12 months). */
export const EXERCISE_INTERVAL_MONTHS = 12;
