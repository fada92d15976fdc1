import { buildApp } from '../src/server/app.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { readConfig } from '../src/server/platform/config.ts';

type OpenApi = {
  paths: Record<string, Record<string, { summary?: string; tags?: string[]; responses?: Record<string, unknown>; parameters?: { name: string; in: string; required?: boolean; description?: string }[]; requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, { description?: string; type?: unknown }>; required?: string[] } }> } }>>;
};

/** The OpenAPI document as the running server gives it at /api/openapi.json. */
export async function openApiDocument(): Promise<OpenApi> {
  const database = await openDatabase({ engine: 'pglite', dataDir: null });
  const app = await buildApp({ db: database.db, clock: systemClock, config: readConfig({}) }, { serveWeb: false });
  await app.ready();
  const document = app.swagger() as unknown as OpenApi;
  await app.close();
  await database.close();
  return document;
}

/** A Markdown reference generated from the same document, for reading without a server. */
export function markdownReference(document: OpenApi): string {
  const lines = [
    '# Liaison API reference',
    '',
    'Generated from the code by `npm run docs:api` (do not edit by hand). The live, browsable version is at `/api/docs`;',
    'the machine-readable OpenAPI 3.1 document at `/api/openapi.json` and in `docs/api/openapi.json`.',
    '',
    "Errors are `{ \"error\": { \"code\", \"message\", \"fields\"? } }`, with `message` in the caller's language.",
    '',
  ];
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'other';
      const section = byTag.get(tag) ?? [];
      const statuses = Object.keys(op.responses ?? {}).join(', ');
      section.push(`### \`${method.toUpperCase()} ${path}\``, '', op.summary ?? '', '');
      const params = op.parameters ?? [];
      if (params.length) {
        section.push('| parameter | in | required | meaning |', '|---|---|---|---|');
        for (const p of params) section.push(`| \`${p.name}\` | ${p.in} | ${p.required ? 'yes' : 'no'} | ${p.description ?? ''} |`);
        section.push('');
      }
      const body = op.requestBody?.content?.['application/json']?.schema;
      if (body?.properties) {
        section.push('| body field | required | meaning |', '|---|---|---|');
        for (const [name, prop] of Object.entries(body.properties)) {
          section.push(`| \`${name}\` | ${body.required?.includes(name) ? 'yes' : 'no'} | ${prop.description ?? ''} |`);
        }
        section.push('');
      }
      section.push(`Answers: ${statuses}`, '');
      byTag.set(tag, section);
    }
  }
  for (const [tag, section] of byTag) lines.push(`## ${tag}`, '', ...section);
  return lines.join('\n');
}
