import { hasRole, type Viewer } from '../platform/context.ts';

/**
 * Who acts in the sister-school scheme. A school coordinator acts for one school only; an
 * authority officer is a user of one side's education authority (a liaison unit the
 * sister-schools agreement designates: the Education Bureau, the Department of Education of
 * Guangdong Province) and acts for that side.
 */
export type SchoolActor = {
  viewer: Viewer;
  /** The school a coordinator acts for; null for everyone else. */
  schoolId: string | null;
  /** The coordinator's school's side, or the authority officer's. */
  side: string | null;
  /** True for a user of an education authority of the agreement. */
  authority: boolean;
};

type School = { id: string; partyCode: string };
type Pair = { hkSchoolId: string; gdSchoolId: string; status: string; proposedBy: string; origin: string };

const actsForAuthority = (a: SchoolActor) => a.authority && (hasRole(a.viewer, 'officer') || hasRole(a.viewer, 'approver'));
const coordinatesOneOf = (a: SchoolActor, pair: Pair) => a.schoolId !== null && (a.schoolId === pair.hkSchoolId || a.schoolId === pair.gdSchoolId);
const sideOf = (a: SchoolActor, pair: Pair): 'HK' | 'GD' | null => (a.schoolId === pair.hkSchoolId ? 'HK' : a.schoolId === pair.gdSchoolId ? 'GD' : null);

/** Every access rule of the sister-schools module. */
export const schoolPolicy = {
  /** The scheme is for its schools and its two authorities; other units and the platform administrator see none of it. */
  takesPart: (a: SchoolActor) => a.schoolId !== null || a.authority,
  /** The registry of a side is kept by that side's authority. */
  keepRegistry: (a: SchoolActor, partyCode: string) => actsForAuthority(a) && a.side === partyCode,
  /** A coordinator keeps their own school's profile and preferences; the side's authority keeps any of its schools. */
  editSchool: (a: SchoolActor, school: School) => a.schoolId === school.id || schoolPolicy.keepRegistry(a, school.partyCode),
  appointCoordinator: (a: SchoolActor, school: School) => a.authority && a.side === school.partyCode && (hasRole(a.viewer, 'officer') || hasRole(a.viewer, 'unit_admin')),
  /**
   * Contact details: of one's own school, of one's side's schools (authority), and of schools one
   * is paired or in a proposal with. The other side's unpaired schools show only what matching needs.
   */
  seeContacts: (a: SchoolActor, school: School, linkedToViewer: boolean) => a.schoolId === school.id || (a.authority && a.side === school.partyCode) || linkedToViewer,
  /** A coordinator proposes for their own school to a school of the other side; an authority suggests a match involving its side. */
  propose: (a: SchoolActor, hk: School, gd: School) => (a.schoolId !== null && (a.schoolId === hk.id || a.schoolId === gd.id)) || (actsForAuthority(a) && (a.side === hk.partyCode || a.side === gd.partyCode)),
  readPair: (a: SchoolActor, pair: Pair, hk: School, gd: School) => coordinatesOneOf(a, pair) || (a.authority && (a.side === hk.partyCode || a.side === gd.partyCode)),
  /** Clause 1 (雙方自願): only the school itself consents or declines, through its coordinator. */
  consent: (a: SchoolActor, pair: Pair) => sideOf(a, pair),
  /** The proposer may withdraw a proposal not yet active. */
  withdraw: (a: SchoolActor, pair: Pair) => a.viewer.userId === pair.proposedBy,
  /**
   * Each side's authority endorses, by an approver; four eyes: not the officer who prepared the
   * match (an authority-suggested pair).
   */
  endorse: (a: SchoolActor, pair: Pair, partyCode: string) => a.authority && a.side === partyCode && hasRole(a.viewer, 'approver') && a.viewer.userId !== pair.proposedBy,
  /** Dormant, reactivated, ended: either school, or either side's authority. */
  changeStatus: (a: SchoolActor, pair: Pair, hk: School, gd: School) => coordinatesOneOf(a, pair) || (actsForAuthority(a) && (a.side === hk.partyCode || a.side === gd.partyCode)),
  /** Both schools add activities, materials, the plan and the report (clause 1: 雙向交流). */
  contribute: (a: SchoolActor, pair: Pair) => coordinatesOneOf(a, pair),
  /**
   * An activity's evidence files are read by whoever reads the pair: its two schools'
   * coordinators and either side's authority. Anyone else is told the pair is not found.
   */
  readEvidence: (a: SchoolActor, pair: Pair, hk: School, gd: School) => schoolPolicy.readPair(a, pair, hk, gd),
  /** Only the pair's two schools add evidence of their activities, through their coordinators; the authorities read it. */
  addEvidence: (a: SchoolActor, pair: Pair) => coordinatesOneOf(a, pair),
  /**
   * A file is removed only by the school that added it (the other school's photos are not its
   * to take away), and only while the annual report of the activity's school year is not
   * submitted: what the authorities review stays as they received it (evidence.ts checks that).
   */
  removeEvidence: (a: SchoolActor, pair: Pair, file: { schoolId: string }) => coordinatesOneOf(a, pair) && a.schoolId === file.schoolId,
  /** Either side's authority reviews a pair's plan and report and may return it for changes. */
  review: (a: SchoolActor, hk: School, gd: School) => actsForAuthority(a) && (a.side === hk.partyCode || a.side === gd.partyCode),
  suggestMatches: (a: SchoolActor, school: School) => a.schoolId === school.id || (a.authority && a.side === school.partyCode),
  /** The grant is the Hong Kong school's (¶14): its coordinator and the Education Bureau see it. */
  readGrant: (a: SchoolActor, school: School) => school.partyCode === 'HK' && (a.schoolId === school.id || (a.authority && a.side === 'HK')),
  reportSpending: (a: SchoolActor, school: School) => school.partyCode === 'HK' && a.schoolId === school.id,
  setGrantRate: (a: SchoolActor) => a.authority && a.side === 'HK' && hasRole(a.viewer, 'approver'),
};
