import { hasRole, type Viewer } from '../platform/context.ts';

/**
 * Who may do what with accounts. A unit administrator manages the users of their own unit
 * only; the platform administrator manages every unit and user.
 *
 * Four eyes hold only if no one person can make a second approver: approvers are designated by
 * the platform administrator (a unit administrator neither grants the role nor sets an
 * approver's password or roles), and no account is both approver and unit administrator.
 */
export const accountPolicy = {
  /** Roles one account may hold together. */
  rolesCompatible: (roles: readonly string[]) => !(roles.includes('approver') && roles.includes('unit_admin')),
  listUsers: (viewer: Viewer, unitId: string | undefined) =>
    viewer.isPlatformAdmin || (hasRole(viewer, 'unit_admin') && viewer.unitId !== null && unitId === viewer.unitId),
  readUser: (viewer: Viewer, user: { id: string; unitId: string | null }) =>
    viewer.isPlatformAdmin || viewer.userId === user.id || (hasRole(viewer, 'unit_admin') && user.unitId !== null && user.unitId === viewer.unitId),
  createUser: (viewer: Viewer, target: { unitId: string | null; isPlatformAdmin: boolean; roles: readonly string[] }) =>
    viewer.isPlatformAdmin ||
    (hasRole(viewer, 'unit_admin') && viewer.unitId !== null && target.unitId === viewer.unitId && !target.isPlatformAdmin && !target.roles.includes('approver')),
  updateUser: (
    viewer: Viewer,
    user: { id: string; unitId: string | null; isPlatformAdmin: boolean; roles: readonly string[] },
    change: { unitId?: string | null; isPlatformAdmin?: boolean; roles?: readonly string[]; password?: string },
  ) => {
    if (viewer.isPlatformAdmin) return true;
    if (!hasRole(viewer, 'unit_admin') || viewer.unitId === null) return false;
    if (user.unitId !== viewer.unitId || user.isPlatformAdmin) return false;
    const [asked, held] = [new Set(change.roles ?? user.roles), new Set(user.roles)];
    const rolesChange = asked.size !== held.size || [...asked].some((r) => !held.has(r));
    if (change.roles?.includes('approver') && !user.roles.includes('approver')) return false;
    if (user.roles.includes('approver') && (rolesChange || change.password !== undefined)) return false;
    return change.isPlatformAdmin === undefined && (change.unitId === undefined || change.unitId === viewer.unitId);
  },
};
