import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Context, Viewer } from './context.ts';
import type { ExchangeSpec } from '../exchange/runtime.ts';

/**
 * What the application gives each module's routes besides the context: what one module learns
 * of the others through it, without importing them.
 */
export type ModuleServices = {
  /** The search audiences the viewer belongs to, gathered from every module's `searchAudiences`. */
  searchAudiencesOf: (viewer: Viewer | null) => Promise<string[]>;
};

/** What a module gives the server: its routes, mounted under /api/v1 (and its prefix, if any). */
export type ServerModule = {
  /** The module's id, as in its manifest (src/shared/modules/<id>.ts). */
  id: string;
  prefix?: string;
  routes: (ctx: Context, services: ModuleServices) => FastifyPluginAsyncZod;
  /**
   * The audiences of search the viewer belongs to in this module (search_documents.audiences):
   * for those who find a record by something other than their liaison unit.
   */
  searchAudiences?: (ctx: Context, viewer: Viewer) => Promise<string[]>;
  /** The kinds of message it exchanges with other nodes, and its subjects whose exchange record users may read. */
  exchange?: ExchangeSpec;
};
