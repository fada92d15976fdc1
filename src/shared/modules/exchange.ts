import { defineModule } from './manifest.ts';

/**
 * The exchange between Liaison nodes (M32–M33): one node per government, signed messages and
 * receipts. Its operator page sits among the administration pages.
 */
export const exchangeModule = defineModule({
  id: 'exchange',
  auditActions: ['exchange_node.imported', 'exchange_key.rotated'],
  auditEntities: ['exchange_node'],
  searchKinds: [],
  locales: ['ui-exchange'],
});

/** Message kinds of the exchange itself: a node's audit-chain checkpoint sent to its peers to witness. */
export const exchangeOwnKinds = ['audit.checkpoint'] as const;
