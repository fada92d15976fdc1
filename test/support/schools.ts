import type { FastifyInstance } from 'fastify';
import { PASSWORD, logInAs } from './harness.ts';

let schoolCounter = 0;

/** A school as its authority would register it; a Hong Kong one in Traditional, a Guangdong one in Simplified. */
export function schoolInput(side: 'HK' | 'GD', overrides: Record<string, unknown> = {}) {
  const n = ++schoolCounter;
  return side === 'HK'
    ? { code: `HK-T${n}`, side, nameZh: `測試學校${n}號`, nameEn: `Test School ${n}`, level: 'primary', sector: 'aided', district: 'Sha Tin', address: `沙田測試道${n}號`, features: ['STEM'], contactName: '陳老師', contactEmail: `hk${n}@school.example`, contactPhone: '+852 2000 0000', preferences: { levels: ['primary'], sectors: [], districts: ['深圳'], themes: ['STEM'] }, ...overrides }
    : { code: `GD-T${n}`, side, nameZh: `深圳测试学校${n}号`, nameEn: `Shenzhen Test School ${n}`, level: 'primary', sector: 'public', district: '深圳市南山区', address: `南山区测试路${n}号`, features: ['STEM'], contactName: '李老师', contactEmail: `gd${n}@school.example`, contactPhone: '+86 755 0000 0000', preferences: { levels: ['primary'], sectors: [], districts: ['Sha Tin'], themes: ['STEM'] }, ...overrides };
}

export async function api(app: FastifyInstance, cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) {
  return app.inject({ method, url: `/api/v1${url}`, headers: { cookie, ...headers }, payload });
}

/** Registers a school through its authority and returns its id. */
export async function buildSchool(app: FastifyInstance, authority: string, side: 'HK' | 'GD', overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await api(app, authority, 'POST', '/schools', schoolInput(side, overrides));
  if (response.statusCode !== 201) throw new Error(`school not created: ${response.body}`);
  return response.json().id;
}

let coordinatorCounter = 0;
/** Appoints a coordinator for a school through its authority, has them choose a password, and returns their cookie. */
export async function buildCoordinator(app: FastifyInstance, authority: string, schoolId: string, options: { email?: string } = {}): Promise<{ cookie: string; username: string }> {
  const username = `coordinator-${++coordinatorCounter}-${Date.now().toString(36)}`;
  const first = 'first-password-1234';
  const appointed = await api(app, authority, 'POST', `/schools/${schoolId}/coordinators`, { username, displayName: `Coordinator ${coordinatorCounter}`, email: options.email ?? null, password: first });
  if (appointed.statusCode !== 201) throw new Error(`coordinator not appointed: ${appointed.body}`);
  const cookie = await logInAs(app, username, first);
  const changed = await api(app, cookie, 'POST', '/me/password', { currentPassword: first, newPassword: PASSWORD });
  if (changed.statusCode >= 300) throw new Error(`password not changed: ${changed.body}`);
  return { cookie: await logInAs(app, username), username };
}
