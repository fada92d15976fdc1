import type { Me } from '../../../types.ts';

const works = (me: Me) => me.roles.some((r) => r === 'officer' || r === 'approver' || r === 'unit_admin');

/**
 * Hints for which forms to show, after src/server/progress/policy.ts; the server decides and
 * answers 403 with its reason, which the forms show.
 */
export const access = {
  /** The owning unit keeps a commitment and its figures. */
  keeps: (me: Me | null, ownerUnitId: string | null | undefined) => !!me && (me.isPlatformAdmin || (!!ownerUnitId && me.unit?.id === ownerUnitId)),
  /** Officers, approvers and unit administrators draft reports for their unit. */
  draftsReports: (me: Me | null) => !!me && (me.isPlatformAdmin || (!!me.unit && works(me))),
};
