import type { Viewer } from '../platform/context.ts';
import { actsAsOfficer, actsForUnit } from '../units/acting.ts';
import type { SarPlace } from '../../shared/modules/sar-plans.ts';

/**
 * Who acts in the arrangement: a user of one of the three SAR agencies (Guangdong Maritime
 * Search and Rescue Centre, Hong Kong MRCC, Macao Marine and Water Bureau), for that agency and
 * its place. Anyone else — another liaison unit, the platform administrator — is told the
 * records are not found.
 */
export type SarActor = {
  viewer: Viewer;
  /** The viewer's agency (its unit id), or null for everyone else. */
  agencyUnitId: string | null;
  /** The place whose ships the viewer's agency draws up plans with. */
  place: SarPlace | null;
};

type Plan = { ownerUnitId: string; status: string };
type Copy = { holderUnitId: string | null };

/** Every access rule of the SAR co-operation plans module. */
export const sarPolicy = {
  /** All three agencies read every plan, ship and module (mutual recognition needs it); no one else reads any. */
  read: (a: SarActor) => a.agencyUnitId !== null,
  /** The register of a place's ships and companies is kept by that place's agency. */
  keepRegister: (a: SarActor, place: string) => a.place === place && actsForUnit(a.viewer, a.agencyUnitId),
  /** Each agency keeps its own Module 3, once, for every plan. */
  issueRccModule: (a: SarActor, unitId: string) => a.agencyUnitId === unitId && actsForUnit(a.viewer, unitId),
  /** The agency of the ship's place draws up, edits, issues and withdraws its plan, and records its exercises. */
  editPlan: (a: SarActor, plan: Plan) => actsForUnit(a.viewer, plan.ownerUnitId),
  /** Clause 2: each of the other two agencies recognises a plan; the owner does not recognise its own. */
  recognise: (a: SarActor, plan: Plan) => a.agencyUnitId !== null && a.agencyUnitId !== plan.ownerUnitId && actsAsOfficer(a.viewer),
  /**
   * An agency's copy is acknowledged (received, then withdrawn) by that agency; the company's and
   * the ship's copies by the plan's owner, recording who received it there.
   */
  acknowledgeCopy: (a: SarActor, plan: Plan, copy: Copy) => actsForUnit(a.viewer, copy.holderUnitId ?? plan.ownerUnitId),
};
