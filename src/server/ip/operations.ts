import type { z } from 'zod';
import { regionDay } from '../platform/clock.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { unitRefs } from '../units/unit-refs.ts';
import { leadOutcomes } from '../../shared/modules/ip.ts';
import { ipPolicy, type IpActor } from './policy.ts';
import { enforcementUnits, leadById, leadsByIds } from './queries.ts';
import { leadsOfOperation, operationById, operationsOfUnit, type OperationRow } from './operation-queries.ts';
import { actor } from './leads.ts';
import { ipOperationLeads, ipOperationMembers, ipOperations } from './schema.ts';
import { actorOf, invalid } from './revisions.ts';
import type { attachLeadBody, operationBody } from './schemas.ts';

// Joint enforcement operations (M21, items 2–4; CENcomm's closed user groups): named member units
// of both sides, a time window, the leads the members attach, and the results counted from those
// leads' outcomes. Only member units see an operation; for anyone else it does not exist (404).
// Kept on the node where it is set up: it does not cross between nodes yet.

/** The results of an operation: its attached leads by outcome, those not answered yet as pending. */
function countResults(leads: { status: string; outcome: string | null }[]) {
  const results: Record<string, number> = Object.fromEntries([...leadOutcomes, 'pending'].map((o) => [o, 0]));
  for (const l of leads) results[l.status === 'answered' && l.outcome ? l.outcome : 'pending'] += 1;
  return { leads: leads.length, ...results } as { leads: number; pending: number } & Record<(typeof leadOutcomes)[number], number>;
}

async function presentOperation(ctx: Context, a: IpActor, op: OperationRow, options: { detail: boolean }) {
  const attached = await leadsOfOperation(ctx.db, op.id);
  const names = await unitRefs(ctx.db, [...op.memberUnitIds, ...attached.flatMap((x) => [x.lead.fromUnitId, x.lead.toUnitId])]);
  const today = regionDay(ctx.clock.now());
  const open = today >= op.startsOn && today <= op.endsOn;
  const readable = new Set((await leadsByIds(ctx.db, attached.map((x) => x.leadId))).filter((l) => ipPolicy.readLead(a, l)).map((l) => l.id));
  return {
    id: op.id,
    name: op.name,
    description: op.description,
    startsOn: op.startsOn,
    endsOn: op.endsOn,
    state: today < op.startsOn ? ('upcoming' as const) : open ? ('running' as const) : ('ended' as const),
    members: op.memberUnitIds.map((id) => names.get(id)!).sort((x, y) => x.partyCode.localeCompare(y.partyCode) || x.code.localeCompare(y.code)),
    createdBy: op.createdBy,
    createdAt: op.createdAt.toISOString(),
    results: countResults(attached.map((x) => x.lead)),
    // A member sees every attached lead's outline and outcome (the operation's results); its contents only where it reads the lead itself.
    leads: options.detail
      ? attached.map(({ lead, attachedByUnitId, at }) => ({
          id: lead.id,
          reference: lead.reference,
          channel: lead.channel,
          status: lead.status,
          outcome: lead.outcome,
          from: names.get(lead.fromUnitId)!,
          to: names.get(lead.toUnitId)!,
          goods: readable.has(lead.id) ? lead.goods : null,
          readable: readable.has(lead.id),
          attachedBy: names.get(attachedByUnitId)!,
          attachedAt: at.toISOString(),
        }))
      : [],
    can: { attach: open && ipPolicy.readOperation(a, op) && ipPolicy.createOperation(a) },
  };
}

async function memberOperation(ctx: Context, a: IpActor, id: string) {
  const op = await operationById(ctx.db, id);
  if (!op || !ipPolicy.readOperation(a, op)) throw notFound('ip_operation');
  return op;
}

/** The enforcement units of both sides an operation may be set up with (the viewer's own unit joins anyway). */
export async function listOperationCandidates(ctx: Context, options: { viewer: Viewer }) {
  const a = await actor(ctx, options.viewer);
  if (!ipPolicy.createOperation(a)) throw forbidden('not an enforcement unit of the IP agreement');
  return (await enforcementUnits(ctx.db)).filter((u) => u.id !== options.viewer.unitId);
}

export async function listOperations(ctx: Context, options: { viewer: Viewer }) {
  const a = await actor(ctx, options.viewer);
  if (!options.viewer.unitId) return [];
  return Promise.all((await operationsOfUnit(ctx.db, options.viewer.unitId)).map((op) => presentOperation(ctx, a, op, { detail: false })));
}

export async function getOperation(ctx: Context, options: { viewer: Viewer; id: string }) {
  const a = await actor(ctx, options.viewer);
  return presentOperation(ctx, a, await memberOperation(ctx, a, options.id), { detail: true });
}

/** An enforcement unit sets up a joint operation with named enforcement units of both sides; it is a member itself. */
export async function createOperation(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof operationBody> }) {
  const { viewer, input } = options;
  const a = await actor(ctx, viewer);
  if (!ipPolicy.createOperation(a)) throw forbidden('not an enforcement unit of the IP agreement');
  const enforcement = new Map((await enforcementUnits(ctx.db)).map((u) => [u.id, u]));
  const memberIds = [...new Set([viewer.unitId!, ...input.memberUnitIds])];
  if (memberIds.some((id) => !enforcement.has(id))) throw invalid('memberUnitIds', 'not_enforcement_unit');
  if (new Set(memberIds.map((id) => enforcement.get(id)!.partyCode)).size < 2) throw invalid('memberUnitIds', 'both_sides');
  if (input.endsOn < input.startsOn) throw invalid('endsOn', 'before_start');
  if (input.endsOn < regionDay(ctx.clock.now())) throw invalid('endsOn', 'in_past');
  return ctx.db.transaction(async (tx) => {
    const [op] = await tx
      .insert(ipOperations)
      .values({ name: input.name, description: input.description ?? null, startsOn: input.startsOn, endsOn: input.endsOn, createdByUnitId: viewer.unitId!, createdBy: viewer.username, createdAt: ctx.clock.now() })
      .returning();
    await tx.insert(ipOperationMembers).values(memberIds.map((unitId) => ({ operationId: op.id, unitId })));
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'ip_operation.created', entityType: 'ip_operation', entityId: op.id, unitId: viewer.unitId, data: { name: op.name, startsOn: op.startsOn, endsOn: op.endsOn, memberUnitIds: memberIds } });
    return op.id;
  });
}

/** A member unit attaches a lead it reads itself, while the operation's window is open; once only. */
export async function attachLeadToOperation(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof attachLeadBody> }) {
  const { viewer, id, input } = options;
  const a = await actor(ctx, viewer);
  return ctx.db.transaction(async (tx) => {
    const op = await operationById(tx, id, { forUpdate: true });
    if (!op || !ipPolicy.readOperation(a, op)) throw notFound('ip_operation');
    const lead = await leadById(tx, input.leadId);
    if (!lead || !ipPolicy.readLead(a, lead)) throw invalid('leadId', 'unknown_lead');
    if (!ipPolicy.attachLead(a, op, lead)) throw forbidden('may not attach leads to this operation');
    const today = regionDay(ctx.clock.now());
    if (today < op.startsOn || today > op.endsOn) throw new AppError('conflict', { params: { what: 'ip_operation_window' } });
    const [attached] = await tx.insert(ipOperationLeads).values({ operationId: id, leadId: lead.id, attachedByUnitId: viewer.unitId!, attachedBy: viewer.username, at: ctx.clock.now() }).onConflictDoNothing().returning();
    if (!attached) throw new AppError('conflict', { params: { what: 'ip_operation_lead' } });
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'ip_operation.lead_attached', entityType: 'ip_operation', entityId: id, unitId: viewer.unitId, data: { reference: lead.reference, leadId: lead.id } });
  });
}
