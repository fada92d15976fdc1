import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { day } from '../../platform/schemas.ts';
import type { Context } from '../../platform/context.ts';
import { requireViewer } from '../../platform/http.ts';
import { errorResponses } from '../../platform/openapi.ts';
import { localizedTextSchema } from '../../accounts/schemas.ts';
import type { locales as allLocales } from '../../../shared/i18n.ts';
import { draftReport, getReport, issueReport, listReports, reportHtml, updateReport } from './manage-reports.ts';
import { htmlToPdf } from '../../platform/pdf.ts';

const params = z.object({ id: z.uuid() });
const langQuery = z.object({ lang: z.enum(['en', 'zh-Hant', 'zh-Hans']).optional().describe("Language of the page; default: the caller's") });
const narrativeText = z.object({ achieved: z.string().max(20_000), next: z.string().max(20_000) }).strict();
const narrativeSchema = z.record(z.string().max(50), z.object({ en: narrativeText, 'zh-Hant': narrativeText }).partial().strict());

const reportSummary = z.object({
  id: z.uuid(),
  title: localizedTextSchema,
  asOf: z.string(),
  areaCodes: z.array(z.string()),
  status: z.enum(['draft', 'issued']),
  createdBy: z.string(),
  issuedAt: z.string().nullable(),
  snapshotHash: z.string().nullable().describe('SHA-256 of the issued snapshot, also in the audit trail'),
});

const reportSchema = reportSummary.extend({
  narrative: z.record(z.string(), z.record(z.string(), narrativeText)).describe('Per area and language (en, zh-Hant): the text; {{figure:<indicator>}} stands for a figure'),
  changedFigures: z.array(z.object({ indicatorCode: z.string(), was: z.number(), now: z.number() })).describe('In a draft: figures that changed since it was drafted'),
  createdAt: z.string(),
  issuedBy: z.string().nullable(),
  editable: z.boolean(),
  issuable: z.boolean(),
});

/** Progress reports (M30): drafted from the figures, edited, issued as frozen snapshots; issued ones are public. */
export const reportRoutes =
  (ctx: Context, _options: { locales: typeof allLocales }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['progress reports'];
    app.get('/reports', { schema: { tags, summary: 'Progress reports (anonymous callers see the issued ones)', response: { 200: z.array(reportSummary) } } }, async (request) =>
      listReports(ctx, { viewer: request.viewer }),
    );

    app.post(
      '/reports',
      {
        schema: {
          tags,
          summary: 'Draft a progress report for some co-operation areas as of a day',
          body: z
            .object({
              areaCodes: z.array(z.string().max(50)).min(1).max(20),
              asOf: day,
              title: z.object({ en: z.string().trim().min(1).max(300), 'zh-Hant': z.string().trim().min(1).max(300) }).strict().nullish(),
            })
            .strict(),
          response: { 201: reportSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const id = await draftReport(ctx, { viewer, ...request.body });
        return reply.status(201).send(await getReport(ctx, { viewer, id }));
      },
    );

    app.get('/reports/:id', { schema: { tags, summary: 'A report (drafts need a log-in; issued reports are public)', params, response: { 200: reportSchema, ...errorResponses(400, 401, 404) } } }, async (request) =>
      getReport(ctx, { viewer: request.viewer, id: request.params.id }),
    );

    app.patch(
      '/reports/:id',
      {
        schema: {
          tags,
          summary: "Edit a draft's title or narrative",
          params,
          body: z
            .object({
              title: z
                .object({ en: z.string().trim().min(1).max(300), 'zh-Hant': z.string().trim().min(1).max(300) })
                .strict()
                .nullable()
                .describe('The custom title; null goes back to the title made from the date'),
              narrative: narrativeSchema,
            })
            .partial()
            .strict(),
          response: { 200: reportSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        await updateReport(ctx, { viewer, id: request.params.id, ...request.body });
        return getReport(ctx, { viewer, id: request.params.id });
      },
    );

    app.post(
      '/reports/:id/issue',
      { schema: { tags, summary: 'Issue a report: freeze it as an immutable snapshot (approvers of the drafting unit)', params, response: { 200: reportSchema, ...errorResponses(400, 401, 403, 404, 409) } } },
      async (request) => {
        const viewer = requireViewer(request);
        await issueReport(ctx, { viewer, id: request.params.id });
        return getReport(ctx, { viewer, id: request.params.id });
      },
    );

    app.get(
      '/reports/:id/html',
      { schema: { tags, summary: 'The report as a web page', params, querystring: langQuery, produces: ['text/html'], response: { 200: z.string(), ...errorResponses(400, 401, 404) } } },
      async (request, reply) => {
        const html = await reportHtml(ctx, { viewer: request.viewer, id: request.params.id, locale: request.query.lang ?? request.locale });
        return reply.type('text/html; charset=utf-8').send(html);
      },
    );

    app.get(
      '/reports/:id/pdf',
      { schema: { tags, summary: 'The report as PDF (Chromium print of the web page)', params, querystring: langQuery, produces: ['application/pdf'], response: { 200: z.any(), ...errorResponses(400, 401, 404, 503) } } },
      async (request, reply) => {
        const html = await reportHtml(ctx, { viewer: request.viewer, id: request.params.id, locale: request.query.lang ?? request.locale });
        const pdf = await htmlToPdf(html);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="liaison-report-${request.params.id.slice(0, 8)}-${request.query.lang ?? request.locale}.pdf"`)
          .send(pdf);
      },
    );
  };
