import { hasRole, type Viewer } from '../platform/context.ts';

/**
 * What a home page shows whom. The counts of a unit's work follow the lists they link to (each
 * list keeps its own access rules); these rules only say which parts appear at all.
 */
export const workPolicy = {
  /** A member of a liaison unit has the unit's work. */
  seeUnitWork: (viewer: Viewer) => viewer.unitId !== null,
  /** Only an approver approves drafts (and never their own: the list's filter leaves those out). */
  seeApprovals: (viewer: Viewer) => viewer.unitId !== null && hasRole(viewer, 'approver'),
  /** The platform administrator keeps the system running. */
  seeSystemHealth: (viewer: Viewer) => viewer.isPlatformAdmin,
};
