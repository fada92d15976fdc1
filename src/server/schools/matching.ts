import type { Context, Viewer } from '../platform/context.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { schoolPolicy } from './policy.ts';
import { candidateRows, schoolById, sisterCounts, type SchoolRow } from './queries.ts';
import { presentSchoolsFor, requireSchoolActor } from './registry.ts';

/** The best candidates by the database's score; their reasons are then given here. */
const CANDIDATES = 100;

/**
 * Why a school of the other side suits this one, from the stated preferences of both (clause
 * 2: matching by the two authorities). Each reason adds to the score; the reasons are shown.
 */
export function matchReasons(school: SchoolRow, candidate: SchoolRow, candidateSisters: number): { score: number; reasons: string[] } {
  const wants = school.preferences;
  const reasons: string[] = [];
  let score = 0;
  const levelFits = wants.levels.length ? wants.levels.includes(candidate.level) : candidate.level === school.level;
  if (levelFits) (score += 3), reasons.push('level');
  if (wants.sectors.includes(candidate.sector)) (score += 1), reasons.push('sector');
  if (wants.districts.some((d) => candidate.district.includes(d))) (score += 2), reasons.push('district');
  const theirs = new Set([...candidate.features, ...candidate.preferences.themes].map((t) => t.toLowerCase()));
  for (const theme of wants.themes) if (theirs.has(theme.toLowerCase())) (score += 1), reasons.push(`theme:${theme}`);
  const theyWant = candidate.preferences;
  if ((theyWant.levels.length ? theyWant.levels.includes(school.level) : false) || theyWant.districts.some((d) => school.district.includes(d))) (score += 1), reasons.push('mutual');
  if (candidateSisters === 0) (score += 1), reasons.push('no_sister_yet');
  return { score, reasons };
}

/** Suggested sister schools for a school, best first, with the reasons. */
export async function suggestMatches(ctx: Context, options: { viewer: Viewer; id: string; limit: number }) {
  const actor = await requireSchoolActor(ctx, options.viewer);
  const school = await schoolById(ctx.db, options.id);
  if (!school) throw notFound('school');
  if (!schoolPolicy.suggestMatches(actor, school)) throw forbidden('matches are suggested to the school and its side’s authority');
  const candidates = await candidateRows(ctx.db, school, CANDIDATES);
  const sisters = await sisterCounts(ctx.db, candidates.map((c) => c.id));
  const ranked = candidates
    .map((c) => ({ candidate: c, ...matchReasons(school, c, sisters.get(c.id) ?? 0) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.candidate.nameEn.localeCompare(b.candidate.nameEn))
    .slice(0, options.limit);
  const presented = await presentSchoolsFor(ctx, actor, ranked.map((m) => m.candidate));
  return ranked.map((m, i) => ({ school: presented[i], score: m.score, reasons: m.reasons }));
}
