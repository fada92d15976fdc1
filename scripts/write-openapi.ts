// Writes docs/api/openapi.json and docs/api/README.md from the code (npm run docs:api).
import fs from 'node:fs';
import { markdownReference, openApiDocument } from './openapi-document.ts';

const document = await openApiDocument();
fs.mkdirSync('docs/api', { recursive: true });
fs.writeFileSync('docs/api/openapi.json', `${JSON.stringify(document, null, 2)}\n`);
fs.writeFileSync('docs/api/README.md', markdownReference(document));
console.log(`Wrote docs/api/openapi.json and docs/api/README.md (${Object.keys(document.paths).length} paths).`);
