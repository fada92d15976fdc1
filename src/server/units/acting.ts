import { hasRole, type Viewer } from '../platform/context.ts';

// Who acts for a liaison unit: its officers and approvers. Readers read; unit administrators
// administer (users, posts, contacts) but do not exchange records. Written once, used by the
// policy of every module that exchanges records between units.

/** An officer or an approver (of whatever unit they belong to). */
export const actsAsOfficer = (viewer: Viewer) => hasRole(viewer, 'officer') || hasRole(viewer, 'approver');

/** Belongs to a unit and acts for it: an officer or approver of some unit. */
export const actsForAUnit = (viewer: Viewer) => viewer.unitId !== null && actsAsOfficer(viewer);

/** Acts for this unit: an officer or approver belonging to it. */
export const actsForUnit = (viewer: Viewer, unitId: string | null) => unitId !== null && viewer.unitId === unitId && actsAsOfficer(viewer);

/** Works for this unit: an officer, approver or administrator belonging to it (keeps its own lists and figures). */
export const worksForUnit = (viewer: Viewer, unitId: string | null) =>
  unitId !== null && viewer.unitId === unitId && (actsAsOfficer(viewer) || hasRole(viewer, 'unit_admin'));
