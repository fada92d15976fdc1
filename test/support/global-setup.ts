import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPgliteTemplate, TEMPLATE_ENV } from './template.ts';

/**
 * Once per test run, before any test file: the embedded database migrated and loaded with the
 * reference data and the paper's figures, dumped to a file that every file's test app starts
 * from (a few seconds each file saved: migrations and data are not redone ~30 times).
 */
export default async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-test-template-'));
  const file = path.join(dir, 'pglite.tar');
  const startedAt = performance.now();
  fs.writeFileSync(file, await buildPgliteTemplate());
  process.env[TEMPLATE_ENV] = file;
  console.log(`Test database template: migrated and loaded once in ${((performance.now() - startedAt) / 1000).toFixed(1)} s (${file}).`);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
