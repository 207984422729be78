import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { requireSession } from '../accounts/index.js'
import { requireMachineToken } from '../oidc/index.js'
import type { ShareScope } from './sharing.claims.js'
import {
  cancelShare,
  createShare,
  redeemAppCheck,
  redeemByVerifier,
  type ShareView,
  shareStatus,
} from './sharing.service.js'

const Scope = z
  .discriminatedUnion('kind', [
    z
      .object({ kind: z.literal('basic') })
      .describe("Full name and date of birth (a foreign resident's nationality too)"),
    z
      .object({ kind: z.literal('card') })
      .describe('The chip ID card data as the registry holds it (citizens only)'),
    z
      .object({ kind: z.literal('document'), documentId: z.uuid() })
      .describe('One of my integrated documents, if valid (citizens only)'),
    z.object({ kind: z.literal('app-check') }).describe('Dispatch 1101: an officer checks my app is genuine'),
  ])
  .describe('What the QR opens')

const QrInput = z.object({
  qr: z.string().min(1).max(200).describe("The scanned text: 'VNS1:' then the one-time token"),
})

const ShareStatusView = z.object({
  id: z.string(),
  scope: Scope,
  status: z.enum(['pending', 'redeemed', 'expired', 'cancelled']),
  createdAt: z.string(),
  expiresAt: z.string(),
  redeemedBy: z
    .object({
      kind: z.enum(['verifier', 'app_check']).describe('A registered verifier, or an officer in their app'),
      name: z.string(),
    })
    .optional(),
  redeemedAt: z.string().optional(),
})

const toStatusView = (v: ShareView): z.infer<typeof ShareStatusView> => ({
  id: v.id,
  scope: v.scope,
  status: v.status,
  createdAt: v.createdAt.toISOString(),
  expiresAt: v.expiresAt.toISOString(),
  ...(v.redeemedBy ? { redeemedBy: v.redeemedBy } : {}),
  ...(v.redeemedAt ? { redeemedAt: v.redeemedAt.toISOString() } : {}),
})

const Document = z.object({
  kind: z.string(),
  number: z.string(),
  status: z.string(),
  valid_from: z.string(),
  valid_to: z.string().nullable(),
  source_system: z.string(),
  data: z.record(z.string(), z.unknown()),
})
const Subject = z
  .object({
    full_name: z.string(),
    birth_date: z.string().describe("'YYYY-MM-DD', or 'YYYY'/'YYYY-MM' when the registry knows only part"),
    personal_id_number: z.string().optional(),
    sex: z.enum(['male', 'female']).optional(),
    nationality: z
      .string()
      .optional()
      .describe('ISO 3166-1 alpha-2: in card, and in basic for a foreign resident'),
    place_of_origin: z.string().optional().describe('Quê quán'),
    place_of_residence: z.string().optional().describe('Nơi thường trú'),
    card_number: z.string().optional(),
    card_kind: z.enum(['CCCD_CHIP', 'CAN_CUOC_2024']).optional(),
    card_issue_date: z.string().optional(),
    card_expiry_date: z.string().nullable().optional().describe('null: valid for life'),
    card_issuing_authority: z.string().optional(),
    document: Document.optional(),
  })
  .describe(
    'basic: full_name, birth_date (and nationality for a foreign resident); card: all card fields; document: full_name, birth_date, document',
  )

const Redeemed = z.object({
  scope: Scope,
  subjectKind: z
    .enum(['citizen', 'foreigner'])
    .describe(
      'citizen: a Vietnamese citizen (personal ID number, CCCD); foreigner: a foreign resident, whose identity is their travel document (foreigner ID number, never a CCCD number)',
    ),
  subject: Subject,
  sharedAt: z.string(),
  verifier: z.object({ id: z.string(), name: z.string() }),
})

const AppCheck = z.object({
  genuine: z.literal(true).describe('The QR was made by a logged-in level-2 VNeID account just now'),
  holder: z
    .discriminatedUnion('subjectKind', [
      z.object({
        subjectKind: z.literal('citizen'),
        fullName: z.string(),
        personalId: z.string().describe('The 12-digit personal ID number'),
        dateOfBirth: z.string(),
        accountLevel: z.number(),
      }),
      z.object({
        subjectKind: z.literal('foreigner'),
        fullName: z.string(),
        foreignerId: z.string().describe('The foreigner ID number (NN + 10 digits), not a CCCD number'),
        dateOfBirth: z.string(),
        nationality: z.string().describe('ISO 3166-1 alpha-2, as on the travel document'),
        accountLevel: z.number(),
      }),
    ])
    .describe('A citizen by personal ID number, or a foreign resident by foreigner ID number'),
  portrait: z
    .string()
    .nullable()
    .describe(
      'The portrait on record as a data: URL (JPEG or PNG), for the officer to compare; null when none',
    ),
  documents: z.array(
    z.object({
      kind: z.string(),
      number: z.string(),
      status: z.string(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      sourceSystem: z.string(),
    }),
  ),
  checkedAt: z.string(),
})

const Id = z.object({ id: z.uuid() })
/** The machine scope a verifier's token must carry to redeem shares. */
export const SHARE_REDEEM = 'share_redeem'
const errorsFor = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, ErrorBody]))

/** The citizen's QR shares, the verifier's redemption and the officer's app check (docs/sharing.md). */
export const sharingRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/shares',
    {
      schema: {
        tags: ['sharing'],
        summary: 'Make a one-time QR (60 s) that shares one scope of my data (level 2)',
        body: z.object({ scope: Scope }),
        response: {
          201: z.object({
            id: z.string(),
            qr: z.string().describe("The QR code's text: 'VNS1:' + 26 base32 characters"),
            expiresAt: z.string(),
          }),
          ...errorsFor(400, 401, 403, 404, 409, 429),
        },
      },
    },
    async (req, reply) => {
      const s = await requireSession(deps, req, { csrf: true })
      const made = await createShare(deps, s.account, req.body.scope as ShareScope)
      return reply.code(201).send({ id: made.id, qr: made.qr, expiresAt: made.expiresAt.toISOString() })
    },
  )
  r.get(
    '/api/v1/shares/:id',
    {
      schema: {
        tags: ['sharing'],
        summary: 'One of my shares: pending, scanned (by whom, when), expired or cancelled',
        params: Id,
        response: { 200: ShareStatusView, ...errorsFor(400, 401, 404) },
      },
    },
    async (req) => {
      const s = await requireSession(deps, req, { csrf: false })
      return toStatusView(await shareStatus(deps, s.account.subject_id, req.params.id))
    },
  )
  r.delete(
    '/api/v1/shares/:id',
    {
      schema: {
        tags: ['sharing'],
        summary: 'Cancel one of my shares before it is scanned',
        params: Id,
        response: { 200: ShareStatusView, ...errorsFor(400, 401, 404, 409) },
      },
    },
    async (req) => {
      const s = await requireSession(deps, req, { csrf: true })
      return toStatusView(await cancelShare(deps, s.account.subject_id, req.params.id))
    },
  )
  r.post(
    '/api/v1/verifier/shares/redeem',
    {
      schema: {
        tags: ['sharing'],
        summary:
          "A registered verifier redeems a citizen's online QR (Bearer token of the client-credentials grant, scope share_redeem)",
        description:
          'Each QR is valid once, for 60 s. The release is written in the citizen’s data-access log before the data is returned. ' +
          'More than VERIFIER_REDEEM_FAILURES_PER_MINUTE refused codes a minute: 429 sharing.RATE_LIMITED (Retry-After).',
        body: QrInput,
        response: { 200: Redeemed, ...errorsFor(400, 401, 403, 404, 409, 410, 429) },
      },
    },
    async (req, reply) => {
      // A live client-credentials token of an active verifier, carrying share_redeem (docs/oidc.md).
      const verifier = await requireMachineToken(deps, req, reply, SHARE_REDEEM)
      const out = await redeemByVerifier(deps, verifier, req.body.qr, req.id, reply)
      return { ...out, sharedAt: out.sharedAt.toISOString() }
    },
  )
  r.post(
    '/api/v1/shares/app-check/redeem',
    {
      schema: {
        tags: ['sharing'],
        summary:
          "Dispatch 1101: scan a citizen's app-check QR with my own level-2 account and see that the app is genuine",
        body: QrInput,
        response: { 200: AppCheck, ...errorsFor(400, 401, 403, 404, 409, 410) },
      },
    },
    async (req) => {
      const s = await requireSession(deps, req, { csrf: true })
      const out = await redeemAppCheck(deps, s.account, req.body.qr, req.id)
      return { genuine: true as const, ...out, checkedAt: out.checkedAt.toISOString() }
    },
  )
}
