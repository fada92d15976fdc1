import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Where the decoder put U+FFFD for bytes that were no UTF-8: the first text holding one, else the body. */
function fieldWithReplacement(value: unknown): string {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: at, path } = stack.pop()!;
    if (typeof at === 'string' && at.includes('\uFFFD')) return path.join('.') || 'body';
    if (at && typeof at === 'object') {
      for (const [key, inner] of Object.entries(at).reverse()) {
        if (key.includes('\uFFFD')) return [...path, key].join('.');
        stack.push({ value: inner, path: [...path, key] });
      }
    }
  }
  return 'body';
}

/**
 * JSON bodies read as strict UTF-8. Node's decoder would silently turn bytes that are no UTF-8
 * into U+FFFD and the text would be stored altered; the caller is told which field instead.
 * Parsing itself is fastify's (with its prototype-poisoning checks).
 */
export function installStrictJsonBodies(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    let text: string;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      let field = 'body';
      try {
        field = fieldWithReplacement(JSON.parse(lenientUtf8.decode(bytes)));
      } catch {
        // Not JSON either: the body as a whole is named.
      }
      done(new AppError('validation.failed', { fields: [{ field, code: 'invalid_encoding' }], reason: `bytes that are not UTF-8 in ${field}` }), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
