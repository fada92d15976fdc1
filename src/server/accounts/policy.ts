import { hasRole, type Viewer } from '../platform/context.ts';

/**
 * Who may do what with accounts. A unit administrator manages the users of their own unit
 * only; the platform administrator manages every unit and user.
 */
export const accountPolicy = {
  listUsers: (viewer: Viewer, unitId: string | undefined) =>
    viewer.isPlatformAdmin || (hasRole(viewer, 'unit_admin') && viewer.unitId !== null && unitId === viewer.unitId),
  readUser: (viewer: Viewer, user: { id: string; unitId: string | null }) =>
    viewer.isPlatformAdmin || viewer.userId === user.id || (hasRole(viewer, 'unit_admin') && user.unitId !== null && user.unitId === viewer.unitId),
  createUser: (viewer: Viewer, target: { unitId: string | null; isPlatformAdmin: boolean }) =>
    viewer.isPlatformAdmin ||
    (hasRole(viewer, 'unit_admin') && viewer.unitId !== null && target.unitId === viewer.unitId && !target.isPlatformAdmin),
  updateUser: (
    viewer: Viewer,
    user: { id: string; unitId: string | null; isPlatformAdmin: boolean },
    change: { unitId?: string | null; isPlatformAdmin?: boolean },
  ) => {
    if (viewer.isPlatformAdmin) return true;
    if (!hasRole(viewer, 'unit_admin') || viewer.unitId === null) return false;
    if (user.unitId !== viewer.unitId || user.isPlatformAdmin) return false;
    return change.isPlatformAdmin === undefined && (change.unitId === undefined || change.unitId === viewer.unitId);
  },
};
