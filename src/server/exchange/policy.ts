import type { Viewer } from '../platform/context.ts';

/** Who may do what with the exchange between nodes. Messages from peers authenticate by signature, not by a user. */
export const exchangePolicy = {
  /** The operator's view of peers, queues, refusals and witnessed checkpoints. */
  operate: (viewer: Viewer) => viewer.isPlatformAdmin,
};
