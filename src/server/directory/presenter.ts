import type { Role } from '../platform/context.ts';
import type { UnitRow, UserRow } from './queries.ts';

export const presentUnit = (u: UnitRow, hostedElsewhere: { remote: true; node: string | null } | null = null) => ({
  id: u.id,
  code: u.code,
  partyCode: u.partyCode,
  parentId: u.parentId,
  kind: u.kind,
  name: u.name,
  abbreviation: u.abbreviation,
  email: u.email,
  phone: u.phone,
  dutyPhone: u.dutyPhone,
  address: u.address,
  active: u.active,
  hostedElsewhere,
});

export const presentOfficer = (u: UserRow) => ({
  id: u.id,
  displayName: u.displayName,
  title: u.title,
  email: u.email,
  phone: u.phone,
  roles: u.roles as Role[],
});
