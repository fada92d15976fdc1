import type { FastifyInstance } from 'fastify';

export async function api(app: FastifyInstance, cookie: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) {
  return app.inject({ method, url: `/api/v1${url}`, headers: { ...(cookie ? { cookie } : {}), ...headers }, payload });
}

let counter = 0;
/** A new instrument's content as an IP unit would draft it; Hong Kong's by default. */
export function instrumentContent(overrides: Record<string, unknown> = {}) {
  const n = ++counter;
  return {
    code: `test-instrument-${n}`,
    jurisdiction: 'HK',
    subjects: ['copyright'],
    type: 'subsidiary_legislation',
    number: `Cap. 528T${n}`,
    titleZh: `版權(測試)規例第${n}號`,
    titleEn: `Copyright (Test) Regulation ${n}`,
    titlePt: null,
    enactedOn: null,
    inForceOn: '2026-01-01',
    repealedOn: null,
    status: 'in_force',
    summaryZh: '測試用的附屬法例。',
    summaryEn: 'Subsidiary legislation for a test.',
    officialUrl: 'https://www.elegislation.gov.hk/hk/cap528',
    versions: [],
    relations: [{ kind: 'implements', to: 'hk-cap-528' }],
    ...overrides,
  };
}
