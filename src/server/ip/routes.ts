import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../platform/context.ts';
import { requireViewer } from '../platform/http.ts';
import { errorResponses } from '../platform/openapi.ts';
import { updateAuthority } from './authorities.ts';
import { compareOnSubject, describeIpActor, getInstrument, listAuthorities, listInstruments, listUpdates } from './database.ts';
import { updatesFeed } from './feed.ts';
import { analyseLeads } from './analysis.ts';
import { acknowledgeLead, answerLead, getLead, getLeadWith, listLeadRecipients, listLeads, passOnLead, sendLead, viewLeadParties } from './leads.ts';
import { listProgramme, updateProgrammeItem } from './programme.ts';
import { attachLeadToOperation, createOperation, getOperation, listOperationCandidates, listOperations } from './operations.ts';
import { draftFromPublished, draftRevision, editRevision, getRevision, listRevisions, publishRevision, returnRevision, submitRevision } from './revisions.ts';
import {
  acknowledgeBody,
  analysisQuery,
  analysisSchema,
  attachLeadBody,
  operationBody,
  operationSchema,
  answerBody,
  authoritiesQuery,
  authorityBody,
  authorityParams,
  authoritySchema,
  codeParams,
  compareQuery,
  compareSchema,
  enforcementUnitSchema,
  feedQuery,
  idParams,
  contentOutSchema,
  instrumentDetailSchema,
  instrumentPageSchema,
  instrumentsQuery,
  ipMeSchema,
  leadBody,
  leadPartySchema,
  leadQuery,
  passOnBody,
  leadSchema,
  leadsQuery,
  programmeItemSchema,
  programmeParams,
  programmeUpdateBody,
  returnBody,
  revisionBody,
  revisionEditBody,
  revisionSchema,
  revisionsQuery,
  updateListSchema,
  updatesQuery,
} from './schemas.ts';

/**
 * Intellectual property (M20–M22). The database's reading routes are public: they never call
 * requireViewer (item 21: the database serves the public and enterprises of the three places).
 * Everything else needs a signed-in user of an IP unit, checked by the service through policy.ts.
 */
export const ipRoutes =
  (ctx: Context): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['intellectual property'];
    const publicTags = ['intellectual property (public)'];

    app.get('/ip/me', { schema: { tags, summary: 'What I may do in the IP module (anyone may ask; signed out: nothing)', response: { 200: ipMeSchema } } }, async (request) => describeIpActor(ctx, { viewer: request.viewer }));

    // The public database.
    app.get('/ip/instruments', { schema: { tags: publicTags, summary: 'Published legal instruments of the three places, by jurisdiction, subject, type, status and words in either script (no log-in)', querystring: instrumentsQuery, response: { 200: instrumentPageSchema, ...errorResponses(400) } } }, async (request) => {
      const { limit, offset, ...filter } = request.query;
      return listInstruments(ctx, { filter: { ...filter, limit, offset } });
    });
    app.get('/ip/instruments/:code', { schema: { tags: publicTags, summary: 'A published instrument with its versions, texts, relations and updates (no log-in)', params: codeParams, response: { 200: instrumentDetailSchema, ...errorResponses(400, 404) } } }, async (request) =>
      getInstrument(ctx, { viewer: request.viewer, code: request.params.code }),
    );
    app.get('/ip/compare', { schema: { tags: publicTags, summary: 'The three places’ instruments on one subject, side by side (no log-in)', querystring: compareQuery, response: { 200: compareSchema, ...errorResponses(400) } } }, async (request) =>
      compareOnSubject(ctx, { subject: request.query.subject, perPlace: request.query.perPlace }),
    );
    app.get('/ip/updates', { schema: { tags: publicTags, summary: 'Latest policy and regulation updates, newest first (no log-in)', querystring: updatesQuery, response: { 200: updateListSchema, ...errorResponses(400) } } }, async (request) => listUpdates(ctx, request.query));
    app.get('/ip/updates.atom', { schema: { tags: publicTags, summary: 'The latest updates as an Atom 1.0 feed (no log-in)', querystring: feedQuery, produces: ['application/atom+xml'], response: { 200: z.any(), ...errorResponses(400) } } }, async (request, reply) => {
      const xml = await updatesFeed(ctx, { language: request.query.lang ?? request.locale });
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    });
    app.get('/ip/authorities', { schema: { tags: publicTags, summary: 'IP administration and enforcement authorities of the three places, with their contacts (no log-in)', querystring: authoritiesQuery, response: { 200: z.array(authoritySchema), ...errorResponses(400) } } }, async (request) =>
      listAuthorities(ctx, { viewer: request.viewer, ...request.query }),
    );
    app.patch('/ip/authorities/:code', { schema: { tags, summary: 'Correct an authority’s contacts (an IP unit of the side that keeps its jurisdiction)', params: authorityParams, body: authorityBody, response: { 200: authoritySchema, ...errorResponses(400, 401, 403, 404) } } }, async (request) =>
      updateAuthority(ctx, { viewer: requireViewer(request), code: request.params.code, change: request.body }),
    );

    // Keeping the database: revisions with review.
    app.get('/ip/revisions', { schema: { tags, summary: 'Revisions of the jurisdictions my side keeps, latest changed first', querystring: revisionsQuery, response: { 200: z.array(revisionSchema), ...errorResponses(400, 401, 403) } } }, async (request) =>
      listRevisions(ctx, { viewer: requireViewer(request), status: request.query.status }),
    );
    app.get('/ip/instruments/:code/draft', { schema: { tags, summary: 'A published instrument as the content a revision starts from (my side’s jurisdictions)', params: codeParams, response: { 200: contentOutSchema, ...errorResponses(400, 401, 403, 404) } } }, async (request) =>
      draftFromPublished(ctx, { viewer: requireViewer(request), code: request.params.code }),
    );
    app.post('/ip/revisions', { schema: { tags, summary: 'Draft a new entry or a change of one (an officer of an IP unit of the side that keeps the jurisdiction)', body: revisionBody, response: { 201: revisionSchema, ...errorResponses(400, 401, 403, 409) } } }, async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await draftRevision(ctx, { viewer, input: request.body });
      return reply.status(201).send(await getRevision(ctx, { viewer, id }));
    });
    app.get('/ip/revisions/:id', { schema: { tags, summary: 'A revision (the keeping side’s IP units only)', params: idParams, response: { 200: revisionSchema, ...errorResponses(400, 401, 403, 404) } } }, async (request) =>
      getRevision(ctx, { viewer: requireViewer(request), id: request.params.id }),
    );
    const step = (method: 'patch' | 'post', path: string, summary: string, body: z.ZodType | undefined, run: (viewer: ReturnType<typeof requireViewer>, id: string, body: never) => Promise<unknown>) =>
      app[method](`/ip/revisions/:id${path}`, { schema: { tags, summary, params: idParams, ...(body ? { body } : {}), response: { 200: revisionSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request) => {
        const viewer = requireViewer(request);
        await run(viewer, request.params.id, request.body as never);
        return getRevision(ctx, { viewer, id: request.params.id });
      });
    step('patch', '', 'Change a draft or a returned revision (whoever writes joins its editors, none of whom publishes it)', revisionEditBody, (viewer, id, body: z.infer<typeof revisionEditBody>) => editRevision(ctx, { viewer, id, change: body }));
    step('post', '/submit', 'Submit for review', undefined, (viewer, id) => submitRevision(ctx, { viewer, id }));
    step('post', '/return', 'Return for changes, with what to change (an approver who wrote none of it)', returnBody, (viewer, id, body: { comment: string }) => returnRevision(ctx, { viewer, id, comment: body.comment }));
    step('post', '/publish', 'Publish (four eyes: an approver of the keeping side who wrote none of it)', undefined, (viewer, id) => publishRevision(ctx, { viewer, id }));

    // The work programme (M22).
    app.get('/ip/work-programme', { schema: { tags, summary: 'The agreement’s 21 items as commitments, with owners, status and progress updates', response: { 200: z.array(programmeItemSchema), ...errorResponses(401) } } }, async (request) => listProgramme(ctx, { viewer: requireViewer(request) }));
    app.post('/ip/work-programme/:code/updates', { schema: { tags, summary: 'Record progress on an item (an IP unit of a side it binds), with its status after it', params: programmeParams, body: programmeUpdateBody, response: { 200: programmeItemSchema, ...errorResponses(400, 401, 403, 404) } } }, async (request) =>
      updateProgrammeItem(ctx, { viewer: requireViewer(request), code: request.params.code, input: request.body }),
    );

    // Enforcement intelligence (M21).
    app.get('/ip/lead-recipients', { schema: { tags, summary: 'The other side’s enforcement units a lead may be addressed to', response: { 200: z.array(enforcementUnitSchema), ...errorResponses(401, 403) } } }, async (request) => listLeadRecipients(ctx, { viewer: requireViewer(request) }));
    app.get('/ip/leads', { schema: { tags, summary: 'My unit’s leads, received or sent, newest first', querystring: leadsQuery, response: { 200: z.array(leadSchema), ...errorResponses(400, 401) } } }, async (request) => listLeads(ctx, { viewer: requireViewer(request), ...request.query }));
    app.post('/ip/leads', { schema: { tags, summary: 'Send a lead on cross-border infringement to an enforcement unit of the other side', body: leadBody, response: { 201: leadSchema, ...errorResponses(400, 401, 403) } } }, async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await sendLead(ctx, { viewer, input: request.body });
      return reply.status(201).send(await getLead(ctx, { viewer, id }));
    });
    app.get('/ip/leads/:id', { schema: { tags, summary: 'A lead (the sending and the addressed unit, and units it was passed on to, only); include=parties adds its parties’ personal data for a cleared viewer, the view recorded', params: idParams, querystring: leadQuery, response: { 200: leadSchema, ...errorResponses(400, 401, 404) } } }, async (request) =>
      getLeadWith(ctx, { viewer: requireViewer(request), id: request.params.id, include: request.query.include }),
    );
    app.get('/ip/leads/:id/parties', { schema: { tags, summary: 'The personal data of a lead’s parties (the approvers of the sending and the addressed unit only; every view recorded)', params: idParams, response: { 200: z.array(leadPartySchema), ...errorResponses(400, 401, 404) } } }, async (request) =>
      viewLeadParties(ctx, { viewer: requireViewer(request), id: request.params.id }),
    );
    app.post('/ip/leads/:id/pass-on', { schema: { tags, summary: 'Pass an acknowledged lead on to another enforcement unit of the addressee’s side (only if its handling code allows)', params: idParams, body: passOnBody, response: { 200: leadSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request) => {
      const viewer = requireViewer(request);
      await passOnLead(ctx, { viewer, id: request.params.id, input: request.body });
      return getLead(ctx, { viewer, id: request.params.id });
    });
    app.post('/ip/leads/:id/acknowledge', { schema: { tags, summary: 'Acknowledge a lead received', params: idParams, body: acknowledgeBody, response: { 200: leadSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request) => {
      const viewer = requireViewer(request);
      await acknowledgeLead(ctx, { viewer, id: request.params.id, comment: request.body?.comment });
      return getLead(ctx, { viewer, id: request.params.id });
    });
    app.post('/ip/leads/:id/answer', { schema: { tags, summary: 'Feed back the outcome of an acknowledged lead', params: idParams, body: answerBody, response: { 200: leadSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request) => {
      const viewer = requireViewer(request);
      await answerLead(ctx, { viewer, id: request.params.id, input: request.body });
      return getLead(ctx, { viewer, id: request.params.id });
    });

    // Joint enforcement operations (M21): closed groups of member units.
    app.get('/ip/operation-members', { schema: { tags, summary: 'The enforcement units of both sides an operation may be set up with', response: { 200: z.array(enforcementUnitSchema), ...errorResponses(401, 403) } } }, async (request) => listOperationCandidates(ctx, { viewer: requireViewer(request) }));
    app.get('/ip/operations', { schema: { tags, summary: 'The joint enforcement operations my unit is a member of', response: { 200: z.array(operationSchema), ...errorResponses(401) } } }, async (request) => listOperations(ctx, { viewer: requireViewer(request) }));
    app.post('/ip/operations', { schema: { tags, summary: 'Set up a joint enforcement operation with enforcement units of both sides (an enforcement unit, which joins it)', body: operationBody, response: { 201: operationSchema, ...errorResponses(400, 401, 403) } } }, async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await createOperation(ctx, { viewer, input: request.body });
      return reply.status(201).send(await getOperation(ctx, { viewer, id }));
    });
    app.get('/ip/operations/:id', { schema: { tags, summary: 'An operation with its members, attached leads and results (its member units only)', params: idParams, response: { 200: operationSchema, ...errorResponses(400, 401, 404) } } }, async (request) => getOperation(ctx, { viewer: requireViewer(request), id: request.params.id }));
    app.post('/ip/operations/:id/leads', { schema: { tags, summary: 'Attach a lead my unit reads to the operation, while its window is open', params: idParams, body: attachLeadBody, response: { 200: operationSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request) => {
      const viewer = requireViewer(request);
      await attachLeadToOperation(ctx, { viewer, id: request.params.id, input: request.body });
      return getOperation(ctx, { viewer, id: request.params.id });
    });

    // Risk analysis (M21): a unit's own leads counted.
    app.get('/ip/analysis', { schema: { tags, summary: 'Counts and trends of my unit’s own leads (sent or received) by channel, goods, route and month', querystring: analysisQuery, response: { 200: analysisSchema, ...errorResponses(400, 401, 403) } } }, async (request) =>
      analyseLeads(ctx, { viewer: requireViewer(request), query: request.query }),
    );
  };
