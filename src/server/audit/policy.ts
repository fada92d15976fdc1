import { hasRole, type Viewer } from '../platform/context.ts';

/** Who reads the audit trail: platform administrators all of it, unit administrators their unit's part. */
export const auditPolicy = {
  readAll: (viewer: Viewer) => viewer.isPlatformAdmin,
  readOwnUnit: (viewer: Viewer) => hasRole(viewer, 'unit_admin') && !!viewer.unitId,
  /** Recomputing the whole chain is the platform administrator's. */
  verify: (viewer: Viewer) => viewer.isPlatformAdmin,
  /** The platform administrator, no party to the exchanges, sees of exchanged records only an allow-listed outline. */
  outlineOfExchanges: (viewer: Viewer) => viewer.isPlatformAdmin && viewer.unitId === null,
};
