import { z } from 'zod';
import { locales } from '../../shared/i18n.ts';

export const localizedTextSchema = z.object({ 'zh-Hant': z.string(), 'zh-Hans': z.string(), en: z.string() });

export const roleSchema = z.enum(['officer', 'approver', 'unit_admin', 'reader']).describe(
  'officer: drafts and handles records; approver: approves what officers send; unit_admin: manages the unit\'s users; reader: reads only',
);

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
  .describe('Log-in name: letters, digits, dot, dash, underscore');

/**
 * A person's name as others see it in timelines: no invisible characters (zero-width, bidirectional
 * controls) that would let one name pass for another.
 */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]*$/)
  .describe('Name as shown to other officers; no control or invisible characters');

export const passwordSchema = z.string().min(10).max(256).describe('At least 10 characters');

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64).describe('Log-in name'),
  password: z.string().min(1).max(256).describe('Password'),
});

export const unitRef = z.object({
  id: z.uuid(),
  code: z.string(),
  partyCode: z.string(),
  name: localizedTextSchema,
});

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string().describe('Name as shown to other officers'),
  title: z.string().nullable().describe('Post title, e.g. Senior Health Inspector'),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  unit: unitRef.nullable().describe('The liaison unit the user belongs to; null for a platform administrator without a unit'),
  roles: z.array(roleSchema),
  isPlatformAdmin: z.boolean(),
  locale: z.enum(locales).nullable().describe('Chosen UI language; null follows the browser'),
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  mustChangePassword: z.boolean().describe('The password was set by an administrator: until its holder chooses their own, only GET /me, PATCH /me, POST /me/password and log-out answer'),
});

export const meSchema = userSchema.extend({
  /** The language this answer was written in (the user's choice, else the browser's). */
  effectiveLocale: z.enum(locales),
});

export const createUserBody = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
    unitId: z.uuid().nullable().describe('Liaison unit; only a platform administrator may leave it empty'),
    roles: z.array(roleSchema).max(4).default([]),
    title: z.string().trim().max(200).nullish(),
    email: z.email().max(200).nullish(),
    phone: z.string().trim().max(50).nullish(),
    isPlatformAdmin: z.boolean().default(false),
    locale: z.enum(locales).nullish(),
  })
  .strict();

export const updateUserBody = z
  .object({
    displayName: displayNameSchema,
    title: z.string().trim().max(200).nullable(),
    email: z.email().max(200).nullable(),
    phone: z.string().trim().max(50).nullable(),
    unitId: z.uuid().nullable(),
    roles: z.array(roleSchema).max(4),
    isPlatformAdmin: z.boolean(),
    active: z.boolean(),
    password: passwordSchema.describe('Sets a new password (the user\'s sessions end)'),
    locale: z.enum(locales).nullable(),
  })
  .partial()
  .strict();

export const updateMeBody = z
  .object({
    displayName: displayNameSchema,
    title: z.string().trim().max(200).nullable(),
    email: z.email().max(200).nullable(),
    phone: z.string().trim().max(50).nullable(),
    locale: z.enum(locales).nullable(),
  })
  .partial()
  .strict();

export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema }).strict();

export const listUsersQuery = z.object({
  unitId: z.uuid().optional().describe('Only users of this liaison unit'),
});

export const idParams = z.object({ id: z.uuid() });

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export const createTokenBody = z
  .object({
    name: z.string().trim().min(1).max(100).describe('What the token is for, e.g. "lab system import"'),
    expiresInDays: z.number().int().min(1).max(3650).nullish().describe('Empty: does not expire'),
  })
  .strict();
export const createdTokenSchema = apiTokenSchema.extend({ token: z.string().describe('Shown once; send as Authorization: Bearer <token>') });
