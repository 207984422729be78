import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { requireSession } from '../accounts/index.js'
import { CREDENTIALS } from './credentials.errors.js'
import {
  credentialsOfHolder,
  HOLDER_REVOCATION_REASONS,
  type HolderDocuments,
  issueHolderCredential,
  revokeHolderCredential,
} from './holder.service.js'
import { issueHolderNonce, PROOF_TYP } from './holder-proof.js'

const Format = z.enum(['dc+sd-jwt', 'mso_mdoc'])
// Every format an issuance record may hold, the offline QR credentials (vn-compact, compact.routes.ts) included.
const IssuedFormat = z.enum(['dc+sd-jwt', 'mso_mdoc', 'vn-compact'])

const CredentialRequest = z
  .object({
    format: Format.describe('dc+sd-jwt: SD-JWT VC; mso_mdoc: ISO 18013-5 mdoc (driving licence only)'),
    type: z
      .enum(['pid', 'document'])
      .describe('pid: the identity from the registry; document: an integrated one'),
    documentId: z
      .uuid()
      .optional()
      .describe('The integrated document (GET /api/v1/documents), for type document'),
    proof: z
      .string()
      .min(1)
      .max(4096)
      .describe(
        `Compact JWS, ES256, typ ${PROOF_TYP}, header jwk = the device's public P-256 key; payload aud = the issuer, iat, nonce (c_nonce)`,
      ),
  })
  .refine((b) => (b.type === 'document') === (b.documentId !== undefined), {
    message: 'documentId is given for type document, and only then',
    path: ['documentId'],
  })

const HolderCredential = z.object({
  id: z.string(),
  type: z.string().describe('The SD-JWT VC vct, or the mdoc doctype'),
  format: IssuedFormat,
  documentId: z.string().nullable().describe('The integrated document it stands for; null for the identity'),
  status: z.enum(['valid', 'expired', 'revoked']),
  issuedAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
})

// Credentials go to a level-2 account only (DOMAIN §2.3: documents in the app need level 2).
/** The holder's level-2 session (with its CSRF token): only a level-2 account holds credentials. */
export const levelTwo = async (deps: Deps, req: Parameters<typeof requireSession>[1]) => {
  const s = await requireSession(deps, req, { csrf: true })
  if (s.account.level !== 2) fail(CREDENTIALS.LEVEL2_REQUIRED)
  return { accountId: s.account.id, personalId: s.account.subject_id }
}

/**
 * The holder's endpoints: a nonce, a credential bound to the device key, the list of what was issued,
 * the holder's own revocation. `documents` is the documents module's lookup, passed in by routes.ts.
 */
export const holderCredentialsRoutesWith =
  (documents: HolderDocuments) => (app: FastifyInstance, deps: Deps) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    r.post(
      '/api/v1/credentials/nonce',
      {
        schema: {
          tags: ['credentials'],
          summary: "A nonce for the device's proof of possession: single use, this account only, 5 minutes",
          response: {
            200: z.object({ c_nonce: z.string(), expiresAt: z.string() }),
            401: ErrorBody,
            403: ErrorBody,
          },
        },
      },
      async (req, reply) => {
        const holder = await levelTwo(deps, req)
        const { nonce, expiresAt } = await issueHolderNonce(deps, holder.accountId)
        reply.header('cache-control', 'no-store')
        return { c_nonce: nonce, expiresAt: expiresAt.toISOString() }
      },
    )
    r.post(
      '/api/v1/credentials',
      {
        schema: {
          tags: ['credentials'],
          summary:
            'Issue my identity or one of my integrated documents as a credential bound to my device key',
          body: CredentialRequest,
          response: {
            200: z.object({
              id: z.string(),
              format: IssuedFormat,
              credential: z.string(),
              expiresAt: z.string(),
            }),
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
        const issued = await issueHolderCredential(deps, documents, holder, req.body)
        reply.header('cache-control', 'no-store')
        return {
          id: issued.id,
          format: issued.format,
          credential: issued.credential,
          expiresAt: issued.expiresAt.toISOString(),
        }
      },
    )
    r.get(
      '/api/v1/credentials/mine',
      {
        schema: {
          tags: ['credentials'],
          summary: 'The credentials issued to me, newest first, with their state (no claim values)',
          response: { 200: z.object({ items: z.array(HolderCredential) }), 401: ErrorBody },
        },
      },
      async (req) => {
        const s = await requireSession(deps, req, { csrf: false })
        const items = await credentialsOfHolder(deps, s.account.subject_id)
        return {
          items: items.map((c) => ({
            ...c,
            issuedAt: c.issuedAt.toISOString(),
            expiresAt: c.expiresAt.toISOString(),
            revokedAt: c.revokedAt?.toISOString() ?? null,
          })),
        }
      },
    )
    r.post(
      '/api/v1/credentials/:id/revoke',
      {
        schema: {
          tags: ['credentials'],
          summary:
            'Revoke one of my credentials (a lost or replaced phone): verifiers see it in the status list',
          params: z.object({ id: z.uuid() }),
          body: z.object({ reason: z.enum(HOLDER_REVOCATION_REASONS).default('device_lost') }).default({
            reason: 'device_lost',
          }),
          response: {
            200: z.object({ id: z.string(), revokedAt: z.string() }),
            400: ErrorBody,
            401: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
          },
        },
      },
      async (req) => {
        const s = await requireSession(deps, req, { csrf: true })
        const done = await revokeHolderCredential(
          deps,
          s.account.subject_id,
          req.params.id,
          req.body.reason,
          req.id,
        )
        return { id: done.id, revokedAt: done.revokedAt.toISOString() }
      },
    )
  }
