import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../platform/context.ts';
import { forbidden } from '../platform/errors.ts';
import { requireViewer } from '../platform/http.ts';
import { errorResponses } from '../platform/openapi.ts';
import { acceptMessage, acceptMessages } from './accept.ts';
import { evidenceBundle, listDeliveries } from './evidence.ts';
import { exchangePolicy } from './policy.ts';
import { exchangeStatus } from './status.ts';

const subjectQuery = z.object({
  subjectType: z.string().trim().min(1).max(100).describe('The kind of record, e.g. notification'),
  subjectId: z.uuid().describe('The record'),
});

const nodeRef = z.object({ id: z.string(), name: z.string(), self: z.boolean() });

export const exchangeRoutes = (ctx: Context): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.post(
      '/exchange/messages',
      {
        schema: {
          tags: ['exchange'],
          summary: 'Deliver a message from a peer node',
          description:
            'Called by peer nodes, not by users: the body is a message signed by the sending node (compact JWS, EdDSA, over the canonical JSON of its envelope). ' +
            'It is verified against the keys of the sender\'s imported anchor and must be addressed to a unit this node hosts. The answer is a receipt signed by this node over the ' +
            "message's SHA-256 digest. A message already received gets its original receipt again and is not applied twice. Refusals are recorded for the operator.",
          security: [],
          body: z.object({ message: z.string().min(1).max(900_000).describe('The signed message (compact JWS)') }),
          response: { 200: z.object({ receipt: z.string().describe('Compact JWS signed by this node: {v, messageId, digest, by, receivedAt}') }), ...errorResponses(400, 403, 422) },
        },
      },
      async (request) => ({ receipt: await acceptMessage(ctx, request.body.message) }),
    );

    app.post(
      '/exchange/batches',
      {
        bodyLimit: 16 * 1024 * 1024,
        schema: {
          tags: ['exchange'],
          summary: 'Deliver several messages from a peer node, in order',
          description:
            'As POST /exchange/messages for each message in turn, in the order given (a peer sends its messages in the order it wrote them). ' +
            'Each result is the receipt, or the refusal; the messages after the first refusal are not taken, and the sender sends them again later.',
          security: [],
          body: z.object({ messages: z.array(z.string().min(1).max(900_000)).min(1).max(100).describe('Signed messages (compact JWS), oldest first') }),
          response: {
            200: z.object({
              results: z.array(z.union([z.object({ receipt: z.string() }), z.object({ error: z.object({ code: z.string(), status: z.number(), reason: z.string() }) })])).describe('One per message taken, in order; shorter than the batch when one was refused'),
            }),
            ...errorResponses(400),
          },
        },
      },
      async (request) => ({
        results: (await acceptMessages(ctx, request.body.messages)).map((r) => ('receipt' in r ? { receipt: r.receipt } : { error: { code: r.refusal.code, status: r.refusal.status, reason: r.refusal.message } })),
      }),
    );

    app.get(
      '/exchange/status',
      {
        schema: {
          tags: ['exchange'],
          summary: "The operator's view of the exchange",
          description: 'This node and its peers (reachability, keys, units hosted, queues, witnessed audit checkpoints and conflicts), messages failing or overdue, and recent refusals. Platform administrators only.',
          response: { 200: z.record(z.string(), z.unknown()), ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        if (!exchangePolicy.operate(viewer)) throw forbidden('operator only');
        return exchangeStatus(ctx);
      },
    );

    app.get(
      '/exchange/deliveries',
      {
        schema: {
          tags: ['exchange'],
          summary: 'The exchange record of a record',
          description: 'What this node sent about the record (to which node, delivered when, receipt verified, attempts, the last error, overdue) and what it received about it. Only for those who may read the record.',
          querystring: subjectQuery,
          response: {
            200: z.object({
              sent: z.array(z.object({ id: z.string(), kind: z.string(), to: nodeRef, toUnit: z.string().nullable(), status: z.enum(['pending', 'delivered', 'refused']), attempts: z.number(), createdAt: z.string(), deliveredAt: z.string().nullable(), receiptVerified: z.boolean(), lastError: z.string().nullable(), overdue: z.boolean() })),
              received: z.array(z.object({ id: z.string(), kind: z.string(), from: nodeRef, receivedAt: z.string() })),
            }),
            ...errorResponses(400, 401, 404),
          },
        },
      },
      async (request) => listDeliveries(ctx, { viewer: requireViewer(request), ...request.query }) as never,
    );

    app.get(
      '/exchange/evidence',
      {
        schema: {
          tags: ['exchange'],
          summary: 'Evidence bundle of a record',
          description: 'The signed messages exchanged about the record, their signed receipts and the public keys that verify them, as one JSON file. `liaison exchange verify-evidence <file>` checks it offline, with no database.',
          querystring: subjectQuery,
          response: { 200: z.record(z.string(), z.unknown()), ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const bundle = await evidenceBundle(ctx, { viewer: requireViewer(request), ...request.query });
        reply.header('content-disposition', `attachment; filename="evidence-${request.query.subjectType}-${request.query.subjectId}.json"`);
        return bundle;
      },
    );
  };
