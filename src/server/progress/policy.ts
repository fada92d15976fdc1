import { hasRole, type Viewer } from '../platform/context.ts';
import { worksForUnit as worksInUnit } from '../units/acting.ts';

/**
 * The owning unit keeps its commitments and their figures; everybody signed in reads them.
 * Reports are drafted by a unit, issued by an approver of that unit, and public once issued;
 * a draft is its unit's own (and the platform administrator's, who drafts the joint ones).
 */
export const progressPolicy = {
  readReport: (viewer: Viewer | null, report: { status: string; unitId: string | null }) =>
    report.status === 'issued' || (viewer !== null && (viewer.isPlatformAdmin || (report.unitId !== null && viewer.unitId === report.unitId))),
  editCommitment: (viewer: Viewer, commitment: { ownerUnitId: string | null }) => viewer.isPlatformAdmin || worksInUnit(viewer, commitment.ownerUnitId),
  createCommitment: (viewer: Viewer, ownerUnitId: string | null) => viewer.isPlatformAdmin || worksInUnit(viewer, ownerUnitId),
  draftReport: (viewer: Viewer) => viewer.isPlatformAdmin || worksInUnit(viewer, viewer.unitId),
  editReport: (viewer: Viewer, report: { unitId: string | null }) => viewer.isPlatformAdmin || worksInUnit(viewer, report.unitId),
  issueReport: (viewer: Viewer, report: { unitId: string | null }) =>
    viewer.isPlatformAdmin || (report.unitId !== null && viewer.unitId === report.unitId && hasRole(viewer, 'approver')),
};
