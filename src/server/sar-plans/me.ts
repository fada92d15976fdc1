import type { Context, Viewer } from '../platform/context.ts';
import { sarPolicy } from './policy.ts';
import { presentAgency } from './present.ts';
import { findAgencies, sarActorOf } from './queries.ts';

/** Which agency the viewer acts for; anyone signed in may ask (the web app does, to show or not the module's screens). */
export async function describeSarActor(ctx: Context, options: { viewer: Viewer }) {
  const actor = await sarActorOf(ctx.db, options.viewer);
  const agency = (await findAgencies(ctx.db)).find((a) => a.id === actor.agencyUnitId);
  return { agency: agency ? presentAgency(agency) : null, place: actor.place, mayEdit: actor.place !== null && sarPolicy.keepRegister(actor, actor.place) };
}
