import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownReference, openApiDocument } from '../../scripts/openapi-document.ts';
import { repoRoot } from '../support/processes.ts';

describe('the API reference in docs/api', () => {
  it('is what the code generates now (run `npm run docs:api` after changing an endpoint)', async () => {
    const document = await openApiDocument();
    const committed = JSON.parse(fs.readFileSync(path.join(repoRoot, 'docs/api/openapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
    expect(fs.readFileSync(path.join(repoRoot, 'docs/api/README.md'), 'utf8')).toBe(markdownReference(document));
  });

  it('describes every endpoint with a summary and its error answers', async () => {
    const document = await openApiDocument();
    for (const [p, methods] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        expect(op.summary, `${method} ${p}`).toBeTruthy();
      }
    }
  });
});
