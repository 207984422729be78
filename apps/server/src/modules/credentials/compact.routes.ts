import { PROFILES } from '@dinhdanh/vn-share'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import {
  COMPACT_BATCH_DEFAULT,
  COMPACT_BATCH_MAX,
  issueCompactCredentials,
  shareKeys,
} from './compact.service.js'
import { levelTwo } from './holder.routes.js'
import { checkForeignerMayHold, type HolderDocuments, holderDocument } from './holder.service.js'
import { verifyHolderProof } from './holder-proof.js'

const CompactRequest = z
  .object({
    profile: z
      .enum(PROFILES)
      .describe(
        'basic: name and birth date (a foreign resident: this one only); card: the chip card data; document: one integrated document',
      ),
    documentId: z.uuid().optional().describe('The integrated document (GET /api/v1/documents), for document'),
    proof: z
      .string()
      .min(1)
      .max(4096)
      .describe('Proof of possession of the device key (POST /api/v1/credentials/nonce)'),
    count: z.number().int().min(1).max(COMPACT_BATCH_MAX).default(COMPACT_BATCH_DEFAULT),
  })
  .refine((b) => (b.profile === 'document') === (b.documentId !== undefined), {
    message: 'documentId is given for profile document, and only then',
    path: ['documentId'],
  })

const ShareKey = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string(),
  y: z.string(),
  kid: z.string(),
  alg: z.literal('ES256'),
  use: z.literal('sig'),
})

/**
 * Offline QR sharing: the holder's batch of compact credentials, and the keys verifiers install.
 * `documents` is the documents module's lookup (routes.ts passes it, as for the holder endpoints).
 */
export const compactCredentialsRoutesWith =
  (documents: HolderDocuments) => (app: FastifyInstance, deps: Deps) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    r.post(
      '/api/v1/credentials/compact',
      {
        schema: {
          tags: ['credentials'],
          summary:
            'A batch of offline share credentials (one per QR) of one profile, bound to the device key',
          body: CompactRequest,
          response: {
            200: z.object({ credentials: z.array(z.string()), expiresAt: z.string() }),
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
          },
        },
      },
      async (req, reply) => {
        const holder = await levelTwo(deps, req)
        const { personalId } = holder
        const { profile, documentId, proof, count } = req.body
        // The document is looked up before the proof, so a refusal leaves the holder's nonce unused.
        checkForeignerMayHold(personalId, profile)
        const document = documentId
          ? await holderDocument(deps.db, documents, personalId, documentId)
          : undefined
        const holderJwk = await verifyHolderProof(deps, holder.accountId, proof)
        const batch = await issueCompactCredentials(deps, {
          personalId,
          profile,
          document,
          holderJwk,
          count,
          sourceRef: documentId,
        })
        reply.header('cache-control', 'no-store')
        return { credentials: batch.credentials, expiresAt: batch.expiresAt.toISOString() }
      },
    )
    r.get(
      '/api/v1/credentials/share-keys',
      {
        schema: {
          tags: ['credentials'],
          summary: 'The keys that verify offline share QRs (VNO1:): install them, refresh at least daily',
          response: { 200: z.object({ keys: z.array(ShareKey) }) },
        },
      },
      async (_req, reply) => {
        // An hour: offline verifiers refresh when they can; an online one refetches at once on an unknown kid.
        reply.header('cache-control', 'public, max-age=3600')
        return shareKeys(deps)
      },
    )
  }
