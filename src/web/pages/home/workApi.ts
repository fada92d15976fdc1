import { request } from '../../api.ts';

/** One count of the home page: as many as the list at `link` shows. */
export type WorkCount = { key: string; group: 'notifications' | 'verification' | 'meetings' | 'progress'; count: number; more: boolean; urgent: boolean; link: string };

export type SystemHealth = {
  lockedUsers: { username: string; address: string; displayName: string | null; until: string; failures: number }[];
  audit: { entries: number; chained: number; unchained: number; lastChainedAt: string | null };
  mail: { pending: number; failed: number; oldestPendingAt: string | null };
};

export type Work = { counts: WorkCount[]; health: SystemHealth | null };

export const workApi = {
  get: () => request<Work>('GET', '/work'),
};
