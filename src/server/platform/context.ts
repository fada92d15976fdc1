import type { Db } from '../db/open.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { AuditAnchor } from '../audit/checkpoints.ts';

/** What every service needs: the database, the clock and the configuration; and what anchors the audit trail outside the database. (This node's exchange with the others is kept beside it: exchange/runtime.ts.) */
export type Context = { db: Db; clock: Clock; config: Config; audit?: AuditAnchor };

export type Role = 'officer' | 'approver' | 'unit_admin' | 'reader';
export const roles: readonly Role[] = ['officer', 'approver', 'unit_admin', 'reader'];

/** The signed-in user a request acts for. */
export type Viewer = {
  userId: string;
  username: string;
  displayName: string;
  unitId: string | null;
  partyCode: string | null;
  roles: Role[];
  isPlatformAdmin: boolean;
  locale: string | null;
  /** The password was set by an administrator and not yet changed by its holder. */
  mustChangePassword: boolean;
  via: 'session' | 'token';
  sessionId: string | null;
};

export const hasRole = (viewer: Viewer, role: Role) => viewer.roles.includes(role);
