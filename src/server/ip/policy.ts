import { hasRole, type Viewer } from '../platform/context.ts';
import { actsForAUnit, actsForUnit } from '../units/acting.ts';
import { keeperOfJurisdiction, type IpJurisdiction } from '../../shared/modules/ip.ts';

/**
 * Who the viewer is under the IP agreement: a user of a unit the agreement designates (an "IP
 * unit": the Intellectual Property Department, Hong Kong Customs, the Guangdong IP Office, …),
 * of which side, and whether the unit is one of the enforcement units of item 2 (clause 2.2).
 */
export type IpActor = {
  viewer: Viewer;
  /** The party of the viewer's unit. */
  party: string | null;
  ipUnit: boolean;
  enforcement: boolean;
};

type Revision = { jurisdiction: string; authorId: string; editorIds: string[] };
/** A lead as the rules see it: its two units, the units it was passed on to, its handling code. */
type Lead = { fromUnitId: string; toUnitId: string; passedToUnitIds: string[]; handlingCode: string };
type Operation = { memberUnitIds: string[] };

const keeps = (a: IpActor, jurisdiction: string) => a.ipUnit && a.party !== null && keeperOfJurisdiction[jurisdiction as IpJurisdiction] === a.party;

/** Every access rule of the IP module. The database's published entries are public and need no rule. */
export const ipPolicy = {
  /** Item 21: each side keeps its own jurisdictions' entries (Guangdong: the national law and its own; Hong Kong; Macao). */
  keepJurisdiction: (a: IpActor, jurisdiction: string) => keeps(a, jurisdiction) && actsForAUnit(a.viewer),
  /** Drafts are seen only by the IP units of the side that keeps the jurisdiction. */
  readRevision: (a: IpActor, revision: Revision) => keeps(a, revision.jurisdiction),
  editRevision: (a: IpActor, revision: Revision) => ipPolicy.keepJurisdiction(a, revision.jurisdiction),
  /** Four eyes: an approver of the keeping side who wrote none of it publishes it. */
  publishRevision: (a: IpActor, revision: Revision) =>
    ipPolicy.keepJurisdiction(a, revision.jurisdiction) && hasRole(a.viewer, 'approver') && a.viewer.userId !== revision.authorId && !revision.editorIds.includes(a.viewer.userId),
  returnRevision: (a: IpActor, revision: Revision) => ipPolicy.publishRevision(a, revision),
  /** An authority's contacts are kept by the side of its jurisdiction. */
  updateAuthority: (a: IpActor, authority: { jurisdiction: string }) => ipPolicy.keepJurisdiction(a, authority.jurisdiction),
  /** M22: an IP unit of a side the item binds records its progress. */
  updateProgramme: (a: IpActor, item: { partyCodes: string[] }) => a.ipUnit && actsForAUnit(a.viewer) && a.party !== null && item.partyCodes.includes(a.party),
  readProgramme: (a: IpActor) => a.ipUnit,
  /** Items 2–4: an enforcement unit sends a lead to an enforcement unit of the other side. */
  sendLead: (a: IpActor, to: { partyCode: string; enforcement: boolean }) => a.enforcement && actsForAUnit(a.viewer) && to.enforcement && to.partyCode !== a.party,
  /**
   * A lead is confidential: the sending and the addressed unit, and the units the addressee passed
   * it on to, only (the platform administrator neither).
   */
  readLead: (a: IpActor, lead: Lead) =>
    a.viewer.unitId !== null && (a.viewer.unitId === lead.fromUnitId || a.viewer.unitId === lead.toUnitId || lead.passedToUnitIds.includes(a.viewer.unitId)),
  acknowledgeLead: (a: IpActor, lead: Lead) => actsForUnit(a.viewer, lead.toUnitId),
  answerLead: (a: IpActor, lead: Lead) => actsForUnit(a.viewer, lead.toUnitId),
  /** The handling code decides: only a lead the sender marked `may_pass_on_with_consent` is passed on, by its addressee. */
  passOnLead: (a: IpActor, lead: Lead) => actsForUnit(a.viewer, lead.toUnitId) && lead.handlingCode === 'may_pass_on_with_consent',
  /** … and only to another enforcement unit of the addressee's own side. */
  passOnLeadTo: (a: IpActor, lead: Lead, to: { id: string; partyCode: string; enforcement: boolean }) =>
    ipPolicy.passOnLead(a, lead) && to.enforcement && to.partyCode === a.party && to.id !== lead.toUnitId && to.id !== lead.fromUnitId,
  /**
   * The parties' personal data (names, ID numbers, addresses, companies) is cleared for the
   * approvers of the sending and the addressed unit only: not their officers or readers, not the
   * units a lead was passed on to, not the platform administrator. Every view is audited.
   */
  viewLeadParties: (a: IpActor, lead: Lead) => hasRole(a.viewer, 'approver') && a.viewer.unitId !== null && (a.viewer.unitId === lead.fromUnitId || a.viewer.unitId === lead.toUnitId),
  /** A joint operation (CENcomm's closed user group) is set up by an enforcement unit, which is one of its members. */
  createOperation: (a: IpActor) => a.enforcement && actsForAUnit(a.viewer),
  /** Only its member units see an operation; for anyone else it does not exist. */
  readOperation: (a: IpActor, operation: Operation) => a.viewer.unitId !== null && operation.memberUnitIds.includes(a.viewer.unitId),
  /** Risk analysis of a unit's own leads: any user of an enforcement unit (its readers too, who read its leads). */
  analyseLeads: (a: IpActor) => a.enforcement && a.viewer.unitId !== null,
  /** A member unit attaches a lead it may itself read. */
  attachLead: (a: IpActor, operation: Operation, lead: Lead) => ipPolicy.readOperation(a, operation) && actsForAUnit(a.viewer) && ipPolicy.readLead(a, lead),
};
