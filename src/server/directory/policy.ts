import { hasRole, type Viewer } from '../platform/context.ts';

/** Who may change the directory. Every signed-in user reads it. */
export const directoryPolicy = {
  createUnit: (viewer: Viewer) => viewer.isPlatformAdmin,
  /**
   * Platform administrators change anything about a unit; a unit's own administrator may
   * change only how it is reached (e-mail, telephones, address).
   */
  updateUnit: (viewer: Viewer, unitId: string, change: { onlyContacts: boolean }) =>
    viewer.isPlatformAdmin || (hasRole(viewer, 'unit_admin') && viewer.unitId === unitId && change.onlyContacts),
  /** A unit's liaison posts are assigned by its administrator or the platform administrator. */
  managePosts: (viewer: Viewer, unitId: string) => viewer.isPlatformAdmin || (hasRole(viewer, 'unit_admin') && viewer.unitId === unitId),
};
