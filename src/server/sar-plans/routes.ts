import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context, Viewer } from '../platform/context.ts';
import { requireViewer } from '../platform/http.ts';
import { errorResponses } from '../platform/openapi.ts';
import { htmlToPdf } from '../platform/pdf.ts';
import { acknowledgeCopy, acknowledgeCopyWithdrawn } from './copies.ts';
import { getDashboard, remindNow } from './dashboard.ts';
import { renderPlan } from './plan-document.ts';
import { issuePlan, recognisePlan, recordExercise, withdrawPlan } from './plan-lifecycle.ts';
import { createPlan, getPlan, listPlans, updatePlan } from './plans.ts';
import { issueRccModule, listRccModules } from './rcc-modules.ts';
import { createCompany, createShip, getCompany, getShip, listCompanies, listShips, updateCompany, updateShip } from './register.ts';
import { exportRegister, importRegister, previewRegisterImport } from './register-import-export.ts';
import { describeSarActor } from './me.ts';
import {
  acknowledgeBody,
  commentBody,
  companyBody,
  companyDetailSchema,
  companySchema,
  copyParams,
  dashboardSchema,
  exerciseBody,
  exportQuery,
  idParams,
  importBody,
  importPreviewSchema,
  langQuery,
  listQuery,
  meSchema,
  planBody,
  planDetailSchema,
  planSummarySchema,
  plansQuery,
  rccModuleBody,
  rccModuleSchema,
  reasonBody,
  registerKindParams,
  shipBody,
  shipDetailSchema,
  shipSchema,
  updateCompanyBody,
  updatePlanBody,
  updateShipBody,
} from './schemas.ts';

/**
 * Passenger-ship SAR co-operation plans (M23–M25): the register of ships, companies and routes,
 * each agency's Module 3, plans assembled from the four modules, five controlled copies,
 * recognition by the other two agencies, exercises, and each agency's dashboard. Only the three
 * agencies know of any of it; to anyone else it is not found.
 */
export const sarPlanRoutes =
  (ctx: Context): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['SAR co-operation plans'];
    const plan = (viewer: Viewer, id: string) => getPlan(ctx, { viewer, id });

    app.get('/sar-plans/me', { schema: { tags, summary: 'Which SAR agency I act for, if any', response: { 200: meSchema, ...errorResponses(401) } } }, async (request) => describeSarActor(ctx, { viewer: requireViewer(request) }));

    app.get('/sar-plans/companies', { schema: { tags, summary: 'Companies operating cross-boundary passenger ships, with their 24-hour contact', querystring: listQuery, response: { 200: z.array(companySchema), ...errorResponses(400, 401, 404) } } }, async (request) =>
      listCompanies(ctx, { viewer: requireViewer(request), place: request.query.place }),
    );
    app.post('/sar-plans/companies', { schema: { tags, summary: 'Register a company of my place', body: companyBody, response: { 201: companyDetailSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await createCompany(ctx, { viewer, input: request.body });
      return reply.status(201).send(await getCompany(ctx, { viewer, id }));
    });
    app.get('/sar-plans/companies/:id', { schema: { tags, summary: 'A company with its history of changes', params: idParams, response: { 200: companyDetailSchema, ...errorResponses(400, 401, 404) } } }, async (request) => getCompany(ctx, { viewer: requireViewer(request), id: request.params.id }));
    app.patch('/sar-plans/companies/:id', { schema: { tags, summary: 'Change a company of my place (kept in its history)', params: idParams, body: updateCompanyBody, response: { 200: companyDetailSchema, ...errorResponses(400, 401, 403, 404) } } }, async (request) => {
      const viewer = requireViewer(request);
      await updateCompany(ctx, { viewer, id: request.params.id, change: request.body });
      return getCompany(ctx, { viewer, id: request.params.id });
    });

    app.get('/sar-plans/ships', { schema: { tags, summary: 'Cross-boundary scheduled passenger ships of the three places', querystring: listQuery, response: { 200: z.array(shipSchema), ...errorResponses(400, 401, 404) } } }, async (request) => listShips(ctx, { viewer: requireViewer(request), place: request.query.place }));
    app.post('/sar-plans/ships', { schema: { tags, summary: 'Register a ship of my place (IMO number checked by its check digit)', body: shipBody, response: { 201: shipDetailSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await createShip(ctx, { viewer, input: request.body });
      return reply.status(201).send(await getShip(ctx, { viewer, id }));
    });
    app.get('/sar-plans/ships/:id', { schema: { tags, summary: 'A ship with its history of changes', params: idParams, response: { 200: shipDetailSchema, ...errorResponses(400, 401, 404) } } }, async (request) => getShip(ctx, { viewer: requireViewer(request), id: request.params.id }));
    app.patch('/sar-plans/ships/:id', { schema: { tags, summary: 'Change a ship of my place (kept in its history)', params: idParams, body: updateShipBody, response: { 200: shipDetailSchema, ...errorResponses(400, 401, 403, 404) } } }, async (request) => {
      const viewer = requireViewer(request);
      await updateShip(ctx, { viewer, id: request.params.id, change: request.body });
      return getShip(ctx, { viewer, id: request.params.id });
    });

    const bodyLimit = 12 * 1024 * 1024;
    app.post('/sar-plans/register/:kind/import/preview', { bodyLimit, schema: { tags, summary: 'What an import of ships or companies (CSV or XLSX) would do, row by row, with each row’s errors; writes nothing', params: registerKindParams, body: importBody, response: { 200: importPreviewSchema, ...errorResponses(400, 401, 403, 404) } } }, async (request) =>
      previewRegisterImport(ctx, { viewer: requireViewer(request), kind: request.params.kind, ...request.body, locale: request.locale }),
    );
    app.post('/sar-plans/register/:kind/import', { bodyLimit, schema: { tags, summary: 'Import ships or companies: all rows or, if any is wrong, none; idempotent on the IMO number and registration number', params: registerKindParams, body: importBody, response: { 200: importPreviewSchema.shape.counts, ...errorResponses(400, 401, 403, 404) } } }, async (request) =>
      importRegister(ctx, { viewer: requireViewer(request), kind: request.params.kind, ...request.body }),
    );
    app.get('/sar-plans/register/:kind/export', { schema: { tags, summary: 'A place’s ships or companies as CSV or XLSX, in the import’s columns (sample records left out)', params: registerKindParams, querystring: exportQuery, produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: { 200: z.any(), ...errorResponses(400, 401, 404) } } }, async (request, reply) => {
      const file = await exportRegister(ctx, { viewer: requireViewer(request), kind: request.params.kind, format: request.query.format, place: request.query.place });
      return reply.type(file.type).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
    });

    app.get('/sar-plans/rcc-modules', { schema: { tags, summary: 'Every version of the three agencies’ Module 3, latest first, the current one marked', response: { 200: z.array(rccModuleSchema), ...errorResponses(401, 404) } } }, async (request) => listRccModules(ctx, { viewer: requireViewer(request) }));
    app.post('/sar-plans/rcc-modules', { schema: { tags, summary: 'Issue a new version of my agency’s Module 3: plans carrying the old one are flagged and their owners told', body: rccModuleBody, response: { 201: z.object({ id: z.uuid() }), ...errorResponses(400, 401, 403, 404) } } }, async (request, reply) =>
      reply.status(201).send({ id: await issueRccModule(ctx, { viewer: requireViewer(request), input: request.body }) }),
    );

    app.get('/sar-plans/plans', { schema: { tags, summary: 'Plans, latest changed first, each with its validity, recognitions and next exercise', querystring: plansQuery, response: { 200: z.array(planSummarySchema), ...errorResponses(400, 401, 404) } } }, async (request) =>
      listPlans(ctx, { viewer: requireViewer(request), ...request.query }),
    );
    app.post('/sar-plans/plans', { schema: { tags, summary: 'Draw up the plan of a ship of my place (a draft carrying every agency’s current Module 3)', body: planBody, response: { 201: planDetailSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request, reply) => {
      const viewer = requireViewer(request);
      return reply.status(201).send(await plan(viewer, await createPlan(ctx, { viewer, input: request.body })));
    });
    app.get('/sar-plans/plans/:id', { schema: { tags, summary: 'A plan: its four modules, what changed, copies, recognitions, exercises', params: idParams, response: { 200: planDetailSchema, ...errorResponses(400, 401, 404) } } }, async (request) => plan(requireViewer(request), request.params.id));
    app.patch('/sar-plans/plans/:id', { schema: { tags, summary: 'Edit a plan’s SAR facilities (Module 4) and notes; the next issue carries them', params: idParams, body: updatePlanBody, response: { 200: planDetailSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request) => {
      const viewer = requireViewer(request);
      await updatePlan(ctx, { viewer, id: request.params.id, change: request.body });
      return plan(viewer, request.params.id);
    });
    const step = <B extends z.ZodType>(path: string, summary: string, body: B | undefined, run: (viewer: Viewer, id: string, body: z.infer<B>) => Promise<unknown>) =>
      app.post(`/sar-plans/plans/:id/${path}`, { schema: { tags, summary, params: idParams, ...(body ? { body } : {}), response: { 200: planDetailSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request) => {
        const viewer = requireViewer(request);
        await run(viewer, request.params.id, request.body as z.infer<B>);
        return plan(viewer, request.params.id);
      });
    step('issue', 'Issue the plan as a new revision: five numbered controlled copies; the previous revision’s copies are superseded', undefined, (viewer, id) => issuePlan(ctx, { viewer, id }));
    step('withdraw', 'Withdraw an issued plan, with a reason; its copies are to be acknowledged withdrawn', reasonBody, (viewer, id, body) => withdrawPlan(ctx, { viewer, id, reason: body.reason }));
    step('recognise', 'My agency recognises the plan’s current revision (clause 2; one of the other two agencies)', commentBody, (viewer, id, body) => recognisePlan(ctx, { viewer, id, comment: body?.comment }));
    step('exercises', 'Record an exercise of the plan: kind, date, participants, findings, follow-up actions', exerciseBody, (viewer, id, body) => recordExercise(ctx, { viewer, id, input: body }));

    const copyStep = (path: string, summary: string, run: typeof acknowledgeCopy) =>
      app.post(`/sar-plans/plans/:id/copies/:copyId/${path}`, { schema: { tags, summary, params: copyParams, body: acknowledgeBody, response: { 200: planDetailSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request) => {
        const viewer = requireViewer(request);
        await run(ctx, { viewer, planId: request.params.id, copyId: request.params.copyId, receivedBy: request.body?.receivedBy });
        return plan(viewer, request.params.id);
      });
    copyStep('acknowledge', 'Acknowledge receipt of a controlled copy (its holder; the owner for the company’s and ship’s)', acknowledgeCopy);
    copyStep('acknowledge-withdrawal', 'Acknowledge that a superseded copy is withdrawn', acknowledgeCopyWithdrawn);

    app.get('/sar-plans/plans/:id/html', { schema: { tags, summary: 'The plan as a document (web page), in Chinese or English', params: idParams, querystring: langQuery, produces: ['text/html'], response: { 200: z.string(), ...errorResponses(400, 401, 404) } } }, async (request, reply) => {
      const detail = await plan(requireViewer(request), request.params.id);
      return reply.type('text/html; charset=utf-8').send(renderPlan(detail, request.query.lang ?? request.locale));
    });
    app.get('/sar-plans/plans/:id/pdf', { schema: { tags, summary: 'The plan as PDF (Chromium print of the document), in Chinese or English', params: idParams, querystring: langQuery, produces: ['application/pdf'], response: { 200: z.any(), ...errorResponses(400, 401, 404, 503) } } }, async (request, reply) => {
      const detail = await plan(requireViewer(request), request.params.id);
      const lang = request.query.lang ?? request.locale;
      const pdf = await htmlToPdf(renderPlan(detail, lang));
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${detail.reference}-R${detail.revision}-${lang}.pdf"`).send(pdf);
    });

    app.get('/sar-plans/dashboard', { schema: { tags, summary: 'What needs my agency: plans due, copies unacknowledged, plans not recognised, exercises overdue', response: { 200: dashboardSchema, ...errorResponses(401, 404) } } }, async (request) => getDashboard(ctx, { viewer: requireViewer(request) }));
    app.post('/sar-plans/reminders', { schema: { tags, summary: 'Send the agencies’ dashboard reminders by e-mail now (also hourly; each agency at most weekly)', response: { 200: z.object({ reminded: z.number().int() }), ...errorResponses(401, 403, 404) } } }, async (request) => ({ reminded: await remindNow(ctx, { viewer: requireViewer(request) }) }));
  };
