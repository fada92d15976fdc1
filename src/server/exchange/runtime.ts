import type { DbOrTx } from '../db/open.ts';
import type { Context, Viewer } from '../platform/context.ts';
import type { NodeKeys } from './node-keys.ts';
import type { Envelope } from './signed.ts';

/**
 * What a module does with a message of one kind when it arrives: make this node's copy match
 * what the message says. It runs in the transaction that records the message received, and must
 * be idempotent (on the node that sent it the change is already there: it finds nothing to do).
 */
export type ExchangeHandler = (tx: DbOrTx, ctx: Context, message: Envelope) => Promise<void>;

/** Who may read the exchange record (deliveries, evidence) of a module's subject: those who may read the subject. */
export type ExchangeSubject = (db: DbOrTx, viewer: Viewer, id: string) => Promise<boolean>;

/** What a module gives the exchange (ServerModule.exchange): its message kinds and its subjects. */
export type ExchangeSpec = { handlers?: Record<string, ExchangeHandler>; subjects?: Record<string, ExchangeSubject> };

/** The exchange as a running node has it: its keys, every module's handlers, and a way to wake the dispatcher. */
export type ExchangeRuntime = {
  keys: NodeKeys;
  handlers: Record<string, ExchangeHandler>;
  subjects: Record<string, ExchangeSubject>;
  /** Called when a message was written: the dispatcher looks for it soon. */
  nudge(): void;
  /** Set by the running dispatcher. */
  onNudge: (() => void) | null;
};

export function exchangeRuntime(keys: NodeKeys, specs: (ExchangeSpec | undefined)[]): ExchangeRuntime {
  const runtime: ExchangeRuntime = {
    keys,
    handlers: Object.assign({}, ...specs.map((s) => s?.handlers ?? {})),
    subjects: Object.assign({}, ...specs.map((s) => s?.subjects ?? {})),
    onNudge: null,
    nudge: () => runtime.onNudge?.(),
  };
  return runtime;
}

/**
 * Each node's exchange, by its configuration: a context is copied and spread (an idempotent
 * request's runs on the request's transaction instead of the database), but keeps the node's one
 * configuration object.
 */
const runtimes = new WeakMap<object, ExchangeRuntime>();

export function attachExchange(ctx: Context, runtime: ExchangeRuntime) {
  runtimes.set(ctx.config, runtime);
}

export const hasExchange = (ctx: Context) => runtimes.has(ctx.config);

export function runtimeOf(ctx: Context): ExchangeRuntime {
  const runtime = runtimes.get(ctx.config);
  if (!runtime) throw new Error('the exchange is not set up for this node’s configuration (start.ts prepare, or buildApp, attaches it)');
  return runtime;
}
