import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../platform/context.ts';
import { requireViewer } from '../platform/http.ts';
import { idempotent } from '../platform/idempotency.ts';
import { readUploadedFile, registerUploads, sendFile, sha256Of } from '../platform/uploaded-files.ts';
import { MAX_ATTACHMENT_BYTES } from '../../shared/attachments.ts';
import { errorResponses } from '../platform/openapi.ts';
import { addActivity, shareMaterial } from './activities.ts';
import { addEvidence, getEvidenceFile, listEvidence, removeEvidence } from './evidence.ts';
import { remindAnnualDocuments, reviewAnnualDocument, saveAnnualDocument, submitAnnualDocument } from './annual-cycle.ts';
import { getGrant, listGrantRates, reportSpending, setGrantRate } from './grants.ts';
import { exportSchools, importSchools, previewImport } from './import-export.ts';
import { suggestMatches } from './matching.ts';
import { consentToPair, declinePair, endorsePair, endPair, makePairDormant, proposePair, reactivatePair, withdrawPair } from './pairing.ts';
import { getPair, listPairs } from './read-pairs.ts';
import { appointCoordinator, createSchool, describeSchoolActor, getSchool, listSchools, requireSchoolActor, updateSchool } from './registry.ts';
import { AppError, forbidden } from '../platform/errors.ts';
import {
  activityBody,
  activityParams,
  commentBody,
  coordinatorBody,
  documentBody,
  documentParams,
  evidenceParams,
  evidenceSchema,
  exportQuery,
  grantQuery,
  grantRateBody,
  grantRateSchema,
  grantSchema,
  idParams,
  importBody,
  importPreviewSchema,
  listSchoolsQuery,
  matchSchema,
  materialBody,
  meSchema,
  pairDetailSchema,
  pairSchema,
  pairsQuery,
  proposeBody,
  reasonBody,
  reviewBody,
  schoolBody,
  schoolPageSchema,
  schoolSchema,
  spendingBody,
  updateSchoolBody,
  yearParams,
} from './schemas.ts';

/**
 * Sister schools (M16–M19): the registry of both sides' schools, pairing with both consents and
 * both authorities' endorsements, activities and shared materials, the annual plan and report,
 * and the Hong Kong schools' grant.
 */
export const schoolRoutes =
  (ctx: Context): FastifyPluginAsyncZod =>
  async (app) => {
    await registerUploads(app);
    const tags = ['sister schools'];
    const pairAnswer = async (request: { viewer: unknown }, id: string) => getPair(ctx, { viewer: requireViewer(request as never), id });

    app.get('/schools/me', { schema: { tags, summary: 'Who I am in the scheme: a school’s coordinator or a side’s education authority', response: { 200: meSchema, ...errorResponses(401) } } }, async (request) =>
      describeSchoolActor(ctx, { viewer: requireViewer(request) }),
    );
    app.get('/schools', { schema: { tags, summary: 'The registry of schools of both sides (contact details where allowed)', querystring: listSchoolsQuery, response: { 200: schoolPageSchema, ...errorResponses(400, 401, 403) } } }, async (request) => {
      const { limit, offset, ...filter } = request.query;
      return listSchools(ctx, { viewer: requireViewer(request), filter: { ...filter, limit, offset } });
    });
    app.post('/schools', { schema: { tags, summary: 'Add a school of my side to the registry', body: schoolBody, response: { 201: schoolSchema, ...errorResponses(400, 401, 403, 409) } } }, async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await createSchool(ctx, { viewer, input: request.body });
      return reply.status(201).send(await getSchool(ctx, { viewer, id }));
    });
    app.post('/schools/import/preview', { bodyLimit: 12 * 1024 * 1024, schema: { tags, summary: 'What an import of a CSV or XLSX file would do, row by row, with each row’s errors; writes nothing', body: importBody, response: { 200: importPreviewSchema, ...errorResponses(400, 401, 403) } } }, async (request) =>
      previewImport(ctx, { viewer: requireViewer(request), format: request.body.format, content: request.body.content, locale: request.locale }),
    );
    app.post('/schools/import', { bodyLimit: 12 * 1024 * 1024, schema: { tags, summary: 'Import a CSV or XLSX file: all rows or, if any is wrong, none; idempotent on the official code', body: importBody, response: { 200: importPreviewSchema.shape.counts, ...errorResponses(400, 401, 403) } } }, async (request) =>
      importSchools(ctx, { viewer: requireViewer(request), format: request.body.format, content: request.body.content }),
    );
    app.get('/schools/export', { schema: { tags, summary: 'My side’s registry as CSV or XLSX, in the import’s columns', querystring: exportQuery, produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: { 200: z.any(), ...errorResponses(400, 401, 403) } } }, async (request, reply) => {
      const file = await exportSchools(ctx, { viewer: requireViewer(request), format: request.query.format, side: request.query.side });
      return reply.type(file.type).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
    });
    app.get('/schools/:id', { schema: { tags, summary: 'A school', params: idParams, response: { 200: schoolSchema, ...errorResponses(400, 401, 403, 404) } } }, async (request) =>
      getSchool(ctx, { viewer: requireViewer(request), id: request.params.id }),
    );
    app.patch('/schools/:id', { schema: { tags, summary: 'Edit a school’s profile and preferences (its coordinator, or its side’s authority)', params: idParams, body: updateSchoolBody, response: { 200: schoolSchema, ...errorResponses(400, 401, 403, 404) } } }, async (request) => {
      const viewer = requireViewer(request);
      await updateSchool(ctx, { viewer, id: request.params.id, change: request.body });
      return getSchool(ctx, { viewer, id: request.params.id });
    });
    app.post('/schools/:id/coordinators', { schema: { tags, summary: 'Give a school of my side a coordinator account (acts for that school only)', params: idParams, body: coordinatorBody, response: { 201: z.object({ userId: z.uuid() }), ...errorResponses(400, 401, 403, 404, 409) } } }, async (request, reply) => {
      const userId = await appointCoordinator(ctx, { viewer: requireViewer(request), id: request.params.id, input: request.body });
      return reply.status(201).send({ userId });
    });
    app.get('/schools/:id/matches', { schema: { tags, summary: 'Suggested sister schools, ranked from both schools’ preferences, with the reasons', params: idParams, querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }), response: { 200: z.array(matchSchema), ...errorResponses(400, 401, 403, 404) } } }, async (request) =>
      suggestMatches(ctx, { viewer: requireViewer(request), id: request.params.id, limit: request.query.limit }),
    );
    app.get('/schools/:id/grant', { schema: { tags, summary: 'A Hong Kong school’s grant for a school year: eligibility, amount, spending', params: idParams, querystring: grantQuery, response: { 200: grantSchema, ...errorResponses(400, 401, 403, 404) } } }, async (request) =>
      getGrant(ctx, { viewer: requireViewer(request), id: request.params.id, schoolYear: request.query.year }),
    );
    app.post('/schools/:id/grant/spending', { schema: { tags, summary: 'Report spending against the grant (the Hong Kong school)', params: idParams, body: spendingBody, response: { 201: grantSchema, ...errorResponses(400, 401, 403, 404) } } }, async (request, reply) => {
      const viewer = requireViewer(request);
      await reportSpending(ctx, { viewer, id: request.params.id, ...request.body });
      return reply.status(201).send(await getGrant(ctx, { viewer, id: request.params.id, schoolYear: request.body.schoolYear }));
    });
    app.get('/school-grants/rates', { schema: { tags, summary: 'The grant per school and school year', response: { 200: z.array(grantRateSchema), ...errorResponses(401, 403) } } }, async (request) => listGrantRates(ctx, { viewer: requireViewer(request) }));
    app.post('/school-grants/rates/:year', { schema: { tags, summary: 'Set a school year’s grant (an approver of the Education Bureau); year as 2015-16', params: yearParams, body: grantRateBody, response: { 200: z.array(grantRateSchema), ...errorResponses(400, 401, 403) } } }, async (request) => {
      const viewer = requireViewer(request);
      const year = `${request.params.year.slice(0, 4)}/${request.params.year.slice(5)}`;
      if ((Number(year.slice(0, 4)) + 1) % 100 !== Number(year.slice(5))) throw new AppError('validation.failed', { fields: [{ field: 'year', code: 'invalid_format' }] });
      await setGrantRate(ctx, { viewer, schoolYear: year, ...request.body });
      return listGrantRates(ctx, { viewer });
    });

    app.get('/sister-pairs', { schema: { tags, summary: 'Pairs I may see, latest changed first: my school’s, or every pair with a school of my side', querystring: pairsQuery, response: { 200: z.array(pairSchema), ...errorResponses(400, 401, 403) } } }, async (request) =>
      listPairs(ctx, { viewer: requireViewer(request), ...request.query }),
    );
    app.post('/sister-pairs', { schema: { tags, summary: 'Propose a pair (a school for itself) or suggest a match (an authority)', body: proposeBody, response: { 201: pairDetailSchema, ...errorResponses(400, 401, 403, 409) } } }, async (request, reply) => {
      const id = await proposePair(ctx, { viewer: requireViewer(request), input: request.body });
      return reply.status(201).send(await pairAnswer(request, id));
    });
    app.get('/sister-pairs/:id', { schema: { tags, summary: 'A pair with its history, activities, materials, plans and reports', params: idParams, response: { 200: pairDetailSchema, ...errorResponses(400, 401, 403, 404) } } }, async (request) => pairAnswer(request, request.params.id));
    const step = (path: string, summary: string, body: z.ZodType | undefined, run: (viewer: ReturnType<typeof requireViewer>, id: string, body: never) => Promise<unknown>) =>
      app.post(`/sister-pairs/:id/${path}`, { schema: { tags, summary, params: idParams, ...(body ? { body } : {}), response: { 200: pairDetailSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request) => {
        await run(requireViewer(request), request.params.id, request.body as never);
        return pairAnswer(request, request.params.id);
      });
    step('consent', 'My school consents to the pair (clause 1: 雙方自願)', commentBody, (viewer, id, body: { comment?: string | null }) => consentToPair(ctx, { viewer, id, comment: body?.comment }));
    step('decline', 'My school declines the pair, with a reason', reasonBody, (viewer, id, body: { reason: string }) => declinePair(ctx, { viewer, id, reason: body.reason }));
    step('withdraw', 'The proposer withdraws a proposal, with a reason', reasonBody, (viewer, id, body: { reason: string }) => withdrawPair(ctx, { viewer, id, reason: body.reason }));
    step('endorse', 'My side’s authority endorses the pair (an approver who did not prepare it)', commentBody, (viewer, id, body: { comment?: string | null }) => endorsePair(ctx, { viewer, id, comment: body?.comment }));
    step('dormant', 'The pair goes dormant, with a reason', reasonBody, (viewer, id, body: { reason: string }) => makePairDormant(ctx, { viewer, id, reason: body.reason }));
    step('reactivate', 'A dormant pair is active again', commentBody, (viewer, id, body: { comment?: string | null }) => reactivatePair(ctx, { viewer, id, comment: body?.comment }));
    step('end', 'The pair ends, with a reason; its history stays', reasonBody, (viewer, id, body: { reason: string }) => endPair(ctx, { viewer, id, reason: body.reason }));
    step('activities', 'Record an exchange activity (either school)', activityBody, (viewer, id, body: z.infer<typeof activityBody>) => addActivity(ctx, { viewer, id, input: body }));
    step('materials', 'Share a teaching material with its licence (either school)', materialBody, (viewer, id, body: z.infer<typeof materialBody>) => shareMaterial(ctx, { viewer, id, input: body }));

    // Evidence of an activity as files: only the pair's two schools and both authorities know of it; to anyone else, the pair is not found.
    const evidencePath = '/sister-pairs/:id/activities/:activityId/evidence';
    const idempotencyHeader = z.object({ 'idempotency-key': z.string().optional().describe('A retried upload with the same key returns the first answer and adds nothing twice') });
    app.post(
      evidencePath,
      {
        schema: {
          tags,
          summary: `Add a photo, scan or document as evidence of an activity (either school; multipart field "file": JPEG, PNG, WebP, PDF, DOCX, XLSX, PPTX, checked by their content; at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB)`,
          params: activityParams,
          headers: idempotencyHeader,
          consumes: ['multipart/form-data'],
          response: { 201: evidenceSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const file = await readUploadedFile(request);
        const { id, activityId } = request.params;
        return idempotent(ctx, request, reply, async (c) => ({ status: 201, body: await addEvidence(c, { viewer, pairId: id, activityId, file }) }), { filename: file.filename, contentType: file.contentType, sha256: sha256Of(file.content) });
      },
    );
    app.get(evidencePath, { schema: { tags, summary: 'An activity’s evidence files, oldest first (without their content)', params: activityParams, response: { 200: z.array(evidenceSchema), ...errorResponses(400, 401, 404) } } }, async (request) =>
      listEvidence(ctx, { viewer: requireViewer(request), pairId: request.params.id, activityId: request.params.activityId }),
    );
    app.get(`${evidencePath}/:evidenceId`, { schema: { tags, summary: 'Download an evidence file (as an attachment, never shown in place)', params: evidenceParams, produces: ['application/octet-stream'], response: { 200: z.any(), ...errorResponses(400, 401, 404) } } }, async (request, reply) => {
      const { id, activityId, evidenceId } = request.params;
      return sendFile(reply, await getEvidenceFile(ctx, { viewer: requireViewer(request), pairId: id, activityId, evidenceId }));
    });
    app.delete(
      `${evidencePath}/:evidenceId`,
      { schema: { tags, summary: 'Remove an evidence file: the school that added it, until the report of the activity’s school year is submitted', params: evidenceParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) } } },
      async (request, reply) => {
        const { id, activityId, evidenceId } = request.params;
        await removeEvidence(ctx, { viewer: requireViewer(request), pairId: id, activityId, evidenceId });
        return reply.status(204).send(null);
      },
    );

    app.post('/sister-pairs/:id/documents/:year/:kind', { schema: { tags, summary: 'Write the pair’s annual plan (≤ 2 pages) or report (≤ 4 pages) for a school year (as 2015-16)', params: documentParams, body: documentBody, response: { 200: pairDetailSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request) => {
      const { id, year, kind } = request.params;
      await saveAnnualDocument(ctx, { viewer: requireViewer(request), id, year, kind, body: request.body.body });
      return pairAnswer(request, id);
    });
    app.post('/sister-pairs/:id/documents/:year/:kind/submit', { schema: { tags, summary: 'Submit the plan or report to the authorities', params: documentParams, response: { 200: pairDetailSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request) => {
      const { id, year, kind } = request.params;
      await submitAnnualDocument(ctx, { viewer: requireViewer(request), id, year, kind });
      return pairAnswer(request, id);
    });
    app.post('/sister-pairs/:id/documents/:year/:kind/review', { schema: { tags, summary: 'Accept the plan or report, or return it for changes with comments (an authority)', params: documentParams, body: reviewBody, response: { 200: pairDetailSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request) => {
      const { id, year, kind } = request.params;
      await reviewAnnualDocument(ctx, { viewer: requireViewer(request), id, year, kind, decision: request.body.decision, comment: request.body.comment });
      return pairAnswer(request, id);
    });
    app.post('/school-reminders', { schema: { tags, summary: 'Send the e-mail reminders of plans and reports due within 14 days or overdue (an authority; also run daily)', response: { 200: z.object({ reminded: z.number().int() }), ...errorResponses(401, 403) } } }, async (request) => {
      const actor = await requireSchoolActor(ctx, requireViewer(request));
      if (!actor.authority) throw forbidden('an education authority sends reminders');
      return { reminded: await remindAnnualDocuments(ctx) };
    });
  };
