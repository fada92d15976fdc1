import type { z } from 'zod';
import type { LocalizedText } from '../db/schema.ts';
import type { Role } from '../platform/context.ts';
import type { Locale } from '../../shared/i18n.ts';
import type { userSchema } from './schemas.ts';

export type UserRow = {
  id: string;
  username: string;
  displayName: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  unitId: string | null;
  roles: string[];
  isPlatformAdmin: boolean;
  locale: string | null;
  active: boolean;
  lastLoginAt: Date | null;
  mustChangePassword: boolean;
};
export type UnitRow = { id: string; code: string; partyCode: string; name: LocalizedText };

export function presentUser(user: UserRow, unit: UnitRow | null): z.infer<typeof userSchema> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    title: user.title,
    email: user.email,
    phone: user.phone,
    unit: unit ? { id: unit.id, code: unit.code, partyCode: unit.partyCode, name: unit.name } : null,
    roles: user.roles as Role[],
    isPlatformAdmin: user.isPlatformAdmin,
    locale: (user.locale as Locale | null) ?? null,
    active: user.active,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    mustChangePassword: user.mustChangePassword,
  };
}
