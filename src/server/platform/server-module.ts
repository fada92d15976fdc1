import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Context } from './context.ts';
import type { ExchangeSpec } from '../exchange/runtime.ts';

/** What a module gives the server: its routes, mounted under /api/v1 (and its prefix, if any). */
export type ServerModule = {
  /** The module's id, as in its manifest (src/shared/modules/<id>.ts). */
  id: string;
  prefix?: string;
  routes: (ctx: Context) => FastifyPluginAsyncZod;
  /** The kinds of message it exchanges with other nodes, and its subjects whose exchange record users may read. */
  exchange?: ExchangeSpec;
};
