import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { enforceRateLimit, sourceOf } from '../authn/index.js'
import {
  finishPasskeyLogin,
  finishPasskeyRegistration,
  finishPasskeyStepUp,
  listPasskeys,
  passkeyLoginOptions,
  passkeyRegistrationOptions,
  passkeyStepUpOptions,
  removePasskey,
} from './passkey.service.js'
import { clientOf, LOGIN_PER_IP, requireSession, SignedIn, signIn } from './session.routes.js'
import { deviceName } from './session.tokens.js'

const B64 = z
  .string()
  .max(20_000)
  .regex(/^[A-Za-z0-9_-]*$/, 'base64url')
const Extensions = z.record(z.string(), z.unknown()).default({})
// What @simplewebauthn/browser's startRegistration() returns (WebAuthn Level 3 toJSON()).
const Attestation = z.object({
  id: B64,
  rawId: B64,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: Extensions,
  response: z.object({
    clientDataJSON: B64,
    attestationObject: B64,
    authenticatorData: B64.optional(),
    transports: z.array(z.string().max(20)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: B64.optional(),
  }),
})
// What startAuthentication() returns (the OpenID provider's login page posts the same).
export const Assertion = z.object({
  id: B64,
  rawId: B64,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: Extensions,
  response: z.object({
    clientDataJSON: B64,
    authenticatorData: B64,
    signature: B64,
    userHandle: B64.optional(),
  }),
})
const Options = z.object({
  challengeId: z.uuid(),
  options: z
    .record(z.string(), z.unknown())
    .describe('PublicKeyCredential options (JSON form) for the browser'),
})
const Passkey = z.object({
  id: z.string(),
  name: z.string(),
  synced: z.boolean().describe('A synced (multi-device) passkey'),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
})
const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  503: ErrorBody,
}

export const passkeyRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/v1/me/passkeys',
    {
      schema: {
        tags: ['accounts'],
        summary: "The holder's passkeys",
        response: { 200: z.array(Passkey), 401: ErrorBody },
      },
    },
    async (req) => listPasskeys(deps, await requireSession(deps, req, { csrf: false })),
  )
  r.post(
    '/api/v1/me/passkeys/options',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Adding a passkey, step 1 (after a step-up): options for navigator.credentials.create()',
        response: { 200: Options, ...errors },
      },
    },
    async (req) => passkeyRegistrationOptions(deps, await requireSession(deps, req, { csrf: true })),
  )
  r.post(
    '/api/v1/me/passkeys',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Adding a passkey, step 2: the attestation the browser made',
        body: z.object({
          challengeId: z.uuid(),
          response: Attestation,
          name: z.string().trim().min(1).max(60).optional(),
        }),
        response: { 201: z.object({ id: z.string(), name: z.string(), createdAt: z.string() }), ...errors },
      },
    },
    async (req, reply) => {
      const s = await requireSession(deps, req, { csrf: true })
      const client = clientOf(deps, req, reply)
      const name = req.body.name ?? deviceName(client.userAgent)
      const response = req.body.response as RegistrationResponseJSON
      return reply
        .code(201)
        .send(
          await finishPasskeyRegistration(
            deps,
            s,
            { challengeId: req.body.challengeId, response, name },
            client,
          ),
        )
    },
  )
  r.delete(
    '/api/v1/me/passkeys/:passkeyId',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Removing a passkey (after a step-up)',
        params: z.object({ passkeyId: z.uuid() }),
        response: { 200: z.object({ removed: z.string() }), ...errors },
      },
    },
    async (req, reply) =>
      removePasskey(
        deps,
        await requireSession(deps, req, { csrf: true }),
        req.params.passkeyId,
        clientOf(deps, req, reply),
      ),
  )
  r.post(
    '/api/v1/auth/passkey/options',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Logging in with a passkey, step 1: a challenge (no ID number needed)',
        response: { 200: Options, 429: ErrorBody, 503: ErrorBody },
      },
    },
    async (req, reply) => {
      await enforceRateLimit(deps, `login:ip:${sourceOf(req.ip)}`, LOGIN_PER_IP, reply)
      return passkeyLoginOptions(deps)
    },
  )
  r.post(
    '/api/v1/auth/passkey/login',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Logging in with a passkey, step 2: the assertion; no one-time code follows',
        body: z.object({ challengeId: z.uuid(), response: Assertion }),
        response: {
          200: SignedIn,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          423: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      await enforceRateLimit(deps, `login:ip:${sourceOf(req.ip)}`, LOGIN_PER_IP, reply)
      const client = clientOf(deps, req, reply)
      const session = await finishPasskeyLogin(
        deps,
        {
          challengeId: req.body.challengeId,
          response: req.body.response as AuthenticationResponseJSON,
          deviceName: deviceName(client.userAgent),
        },
        client,
      )
      return reply.send(signIn(deps, reply, session))
    },
  )
  r.post(
    '/api/v1/auth/step-up/passkey/options',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Step-up with a passkey, step 1: a challenge only the holder’s passkeys can answer',
        response: { 200: Options, ...errors },
      },
    },
    async (req) => passkeyStepUpOptions(deps, await requireSession(deps, req, { csrf: true })),
  )
  r.post(
    '/api/v1/auth/step-up/passkey',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Step-up with a passkey, step 2: the assertion',
        body: z.object({ challengeId: z.uuid(), response: Assertion }),
        response: { 200: z.object({ method: z.string(), validUntil: z.string() }), ...errors },
      },
    },
    async (req, reply) =>
      finishPasskeyStepUp(
        deps,
        await requireSession(deps, req, { csrf: true }),
        { challengeId: req.body.challengeId, response: req.body.response as AuthenticationResponseJSON },
        clientOf(deps, req, reply),
      ),
  )
}
