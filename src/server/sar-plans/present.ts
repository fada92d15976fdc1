import type { LocalizedText } from '../db/schema.ts';
import { nameInBothScripts } from '../platform/both-scripts.ts';
import type { Agency, CompanyRow, CopyRow, RccModuleRow, ShipRow } from './queries.ts';
import type { sarRegisterChanges } from './schema.ts';

/** The script names are written in: Guangdong's Simplified, Hong Kong's and Macao's Traditional. */
export const scriptOfPlace = (place: string) => (place === 'GD' ? 'zh-Hans' : 'zh-Hant') as 'zh-Hans' | 'zh-Hant';

export const nameOf = (row: { nameZh: string; nameEn: string; place: string }) => nameInBothScripts(row.nameZh, scriptOfPlace(row.place), row.nameEn);

export const presentAgency = (a: Pick<Agency, 'id' | 'code' | 'partyCode' | 'name'>) => ({ id: a.id, code: a.code, partyCode: a.partyCode, name: a.name as LocalizedText });

export function presentCompany(row: CompanyRow, options: { mayEdit: boolean }) {
  return {
    id: row.id,
    registrationNo: row.registrationNo,
    place: row.place,
    name: nameOf(row),
    address: row.address,
    contact: { name: row.contactName, phone: row.contactPhone, email: row.contactEmail },
    isSample: row.isSample,
    mayEdit: options.mayEdit,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentShip(row: ShipRow, company: CompanyRow, options: { mayEdit: boolean; planId: string | null }) {
  return {
    id: row.id,
    imoNumber: row.imoNumber,
    mmsi: row.mmsi,
    callSign: row.callSign,
    name: nameOf(row),
    place: row.place,
    portOfRegistry: row.portOfRegistry,
    shipType: row.shipType,
    passengerCapacity: row.passengerCapacity,
    company: { id: company.id, name: nameOf(company), isSample: company.isSample },
    routes: row.routes,
    isSample: row.isSample,
    mayEdit: options.mayEdit,
    planId: options.planId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const presentChange = (row: typeof sarRegisterChanges.$inferSelect) => ({ change: row.change, fields: row.fields, actor: row.actor, at: row.at.toISOString() });

export function presentRccModule(row: RccModuleRow, agency: Agency, current: boolean) {
  return { id: row.id, agency: presentAgency(agency), version: row.version, content: row.content, changeNote: row.changeNote, isSample: row.isSample, issuedAt: row.issuedAt.toISOString(), issuedBy: row.issuedBy, current };
}

/** Where a copy stands: awaiting its receipt, held, superseded and awaiting its withdrawal, withdrawn. */
export const copyState = (c: CopyRow): 'withdrawn' | 'awaiting_withdrawal' | 'held' | 'awaiting_receipt' => (c.withdrawnAt ? 'withdrawn' : c.supersededAt ? 'awaiting_withdrawal' : c.acknowledgedAt ? 'held' : 'awaiting_receipt');

/** A copy's number as printed on it: the plan's reference, its revision and the copy (HK-SAR-2026-0001/R2/C3). */
export const copyLabel = (reference: string, c: Pick<CopyRow, 'revision' | 'number'>) => `${reference}/R${c.revision}/C${c.number}`;

export function presentCopy(c: CopyRow, reference: string, agencies: Map<string, Agency>, mayAcknowledge: boolean) {
  const unit = c.holderUnitId ? agencies.get(c.holderUnitId) : undefined;
  return {
    id: c.id,
    revision: c.revision,
    number: c.number,
    label: copyLabel(reference, c),
    holder: c.holder,
    holderUnit: unit ? presentAgency(unit) : null,
    holderName: c.holderName,
    issuedAt: c.issuedAt.toISOString(),
    acknowledgedAt: c.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: c.acknowledgedBy,
    supersededAt: c.supersededAt?.toISOString() ?? null,
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    withdrawnBy: c.withdrawnBy,
    state: copyState(c),
    mayAcknowledge,
  };
}
