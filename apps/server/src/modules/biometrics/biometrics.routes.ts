import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { officerActorOf } from './biometrics.actor.js'
import { readVerification, reviewVerification } from './biometrics.review.js'
import {
  enrolFace,
  enrolFingerprints,
  searchFaces,
  verifyFace,
  verifyFingerprints,
} from './biometrics.service.js'

const ActorHeaders = z.object({
  'x-purpose': z.string().max(200).optional().describe('Why; written to the audit log'),
})
const CHECK = ['biometrics.check'] as const
const REVIEW = ['biometrics.review'] as const
// Base64 of at most 10 MiB of image (the engine's own limit refuses more with IMAGE_TOO_LARGE).
const Base64 = z
  .string()
  .max(14_000_000)
  .regex(/^[A-Za-z0-9+/=_-]*$/, 'base64')
  .transform((s) => Buffer.from(s, s.includes('-') || s.includes('_') ? 'base64url' : 'base64'))
const Subject = z
  .string()
  .max(20)
  .describe('Personal ID number (12 digits) or foreigner ID number (NN + 10 digits)')
const Use = z.enum(['app_selfie', 'counter_capture', 'payment'])
const Source = z.enum(['registry', 'counter', 'app'])

const Quality = z.object({
  faceSize: z.number(),
  sharpness: z.number(),
  yaw: z.number(),
  pitch: z.number(),
  roll: z.number(),
  eyeOpenness: z.number().nullable(),
  detectionScore: z.number(),
})
const VerificationResult = z.object({
  verificationId: z.string(),
  subjectId: z.string(),
  modality: z.enum(['face', 'fingerprint']),
  use: Use,
  decision: z.enum(['match', 'no_match', 'quality_rejected', 'spoof_suspected']),
  score: z.number().nullable(),
  threshold: z.number(),
  modelVersion: z.string(),
  quality: Quality.optional(),
  liveness: z.object({ antispoof: z.number().nullable(), liveness: z.number().nullable() }).optional(),
  fingers: z.array(z.object({ position: z.number(), score: z.number() })).optional(),
})
const Hit = z.object({ subjectId: z.string(), score: z.number() })
const Review = z.object({
  verificationId: z.string(),
  subjectId: z.string(),
  modality: z.enum(['face', 'fingerprint']),
  use: z.string(),
  decision: z.string(),
  reasonCode: z.string().nullable(),
  score: z.number().nullable(),
  threshold: z.number(),
  modelVersion: z.string(),
  at: z.string(),
  actor: z.string(),
  purpose: z.string(),
  probeImage: z.string().nullable(),
  referenceImage: z.string().nullable(),
  review: z
    .object({ by: z.string(), at: z.string(), outcome: z.string(), note: z.string().nullable() })
    .nullable(),
})

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  413: ErrorBody,
  422: ErrorBody,
  503: ErrorBody,
}
// Images travel as base64 in JSON: room for a 10 MiB image and the rest of the body.
const bodyLimit = 15 * 1024 * 1024

export const biometricsRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/biometrics/faces/enrol',
    {
      bodyLimit,
      schema: {
        tags: ['biometrics'],
        summary: "Enrol a person's face (portrait, counter capture or selfie); reports possible duplicates",
        headers: ActorHeaders,
        body: z.object({ subjectId: Subject, image: Base64, source: Source }),
        response: {
          200: z.object({
            subjectId: z.string(),
            modelVersion: z.string(),
            quality: Quality,
            duplicates: z.array(Hit),
          }),
          ...errors,
        },
      },
    },
    async (req) =>
      enrolFace(
        deps,
        await officerActorOf(deps, req, { anyOf: CHECK, csrf: true, purpose: 'biometric-enrolment' }),
        {
          subjectId: req.body.subjectId,
          image: req.body.image,
          source: req.body.source,
          kind:
            req.body.source === 'registry'
              ? 'reference'
              : req.body.source === 'counter'
                ? 'attended'
                : 'unattended',
        },
      ),
  )
  r.post(
    '/api/v1/biometrics/faces/verify',
    {
      bodyLimit,
      schema: {
        tags: ['biometrics'],
        summary: 'Check a face capture against the enrolled face (1:1), by the policy of its use',
        headers: ActorHeaders,
        body: z.object({ subjectId: Subject, image: Base64, use: Use }),
        response: { 200: VerificationResult, ...errors },
      },
    },
    async (req) =>
      verifyFace(
        deps,
        await officerActorOf(deps, req, { anyOf: CHECK, csrf: true, purpose: 'identity-verification' }),
        req.body,
      ),
  )
  r.post(
    '/api/v1/biometrics/faces/search',
    {
      bodyLimit,
      schema: {
        tags: ['biometrics'],
        summary: 'Find the people whose enrolled face is the face in this image (1:N)',
        headers: ActorHeaders,
        body: z.object({ image: Base64, limit: z.number().int().min(1).max(50).optional() }),
        response: {
          200: z.object({
            modelVersion: z.string(),
            threshold: z.number(),
            gallerySize: z.number(),
            hits: z.array(Hit),
          }),
          ...errors,
        },
      },
    },
    async (req) =>
      searchFaces(
        deps,
        await officerActorOf(deps, req, { anyOf: CHECK, csrf: true, purpose: 'duplicate-check' }),
        req.body,
      ),
  )
  r.post(
    '/api/v1/biometrics/fingerprints/enrol',
    {
      schema: {
        tags: ['biometrics'],
        summary: 'Enrol fingers from an ISO/IEC 19794-2 minutiae record (base64)',
        headers: ActorHeaders,
        body: z.object({ subjectId: Subject, record: Base64, source: Source }),
        response: {
          200: z.object({ subjectId: z.string(), modelVersion: z.string(), positions: z.array(z.number()) }),
          ...errors,
        },
      },
    },
    async (req) =>
      enrolFingerprints(
        deps,
        await officerActorOf(deps, req, { anyOf: CHECK, csrf: true, purpose: 'biometric-enrolment' }),
        req.body,
      ),
  )
  r.post(
    '/api/v1/biometrics/fingerprints/verify',
    {
      schema: {
        tags: ['biometrics'],
        summary: 'Check captured fingers (ISO/IEC 19794-2, base64) against the enrolled ones (1:1)',
        headers: ActorHeaders,
        body: z.object({ subjectId: Subject, record: Base64, use: Use }),
        response: { 200: VerificationResult, ...errors },
      },
    },
    async (req) =>
      verifyFingerprints(
        deps,
        await officerActorOf(deps, req, { anyOf: CHECK, csrf: true, purpose: 'identity-verification' }),
        req.body,
      ),
  )
  r.get(
    '/api/v1/biometrics/verifications/:id',
    {
      schema: {
        tags: ['biometrics'],
        summary: 'A verification for review: both images, score, decision, model version (audited)',
        headers: ActorHeaders,
        params: z.object({ id: z.uuid() }),
        response: { 200: Review, ...errors },
      },
    },
    async (req) =>
      readVerification(
        deps,
        await officerActorOf(deps, req, {
          anyOf: [...CHECK, ...REVIEW],
          csrf: false,
          purpose: 'match-review',
        }),
        req.params.id,
      ),
  )
  r.post(
    '/api/v1/biometrics/verifications/:id/review',
    {
      schema: {
        tags: ['biometrics'],
        summary: "Confirm or overturn a verification's automatic decision (once, by another officer)",
        headers: ActorHeaders,
        params: z.object({ id: z.uuid() }),
        body: z.object({
          outcome: z.enum(['confirmed', 'overturned']),
          note: z.string().max(1000).optional(),
        }),
        response: { 200: Review, 409: ErrorBody, ...errors },
      },
    },
    async (req) =>
      reviewVerification(
        deps,
        await officerActorOf(deps, req, { anyOf: REVIEW, csrf: true, purpose: 'match-review' }),
        req.params.id,
        req.body,
      ),
  )
}
