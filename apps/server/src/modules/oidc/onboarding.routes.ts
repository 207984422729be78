import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { requireSession } from '../accounts/index.js'
import { requireOfficer } from '../officers/index.js'
import { KNOWN_SCOPES } from './clients.schemas.js'
import {
  type Appraiser,
  appraisalQueue,
  approveApplication,
  changeClientDependents,
  changeClientStatus,
  readApplication,
  recordAgreement,
  refuseApplication,
} from './onboarding.appraisal.js'
import {
  AgreementBody,
  ApplicationBody,
  DependentsBody,
  IdParams,
  QueueQuery,
  ReasonBody,
  SandboxBody,
} from './onboarding.schemas.js'
import {
  type Applicant,
  collectCredentials,
  myApplication,
  myApplications,
  registerSandboxClient,
  replaceKeys,
  rotateSecret,
  SANDBOX_LIMIT,
  sandboxOn,
  submitApplication,
  withdrawApplication,
} from './onboarding.service.js'
import { tryLoginOffered } from './try-login.js'

const DEV = '/api/v1/developers'
const OFFICER = '/api/v1/officer/relying-parties/applications'
const DEV_TAGS = ['developers']
const OFFICER_TAGS = ['relying-parties']

/** The logged-in citizen applying for an organisation (the citizen app's session; POSTs echo its CSRF token). */
const applicant = async (deps: Deps, req: FastifyRequest, csrf: boolean): Promise<Applicant> => {
  const s = await requireSession(deps, req, { csrf })
  return {
    accountId: s.account.id,
    subjectId: s.account.subject_id,
    level: s.account.level,
    requestId: req.id,
  }
}

const appraiser = async (deps: Deps, req: FastifyRequest, csrf: boolean): Promise<Appraiser> => ({
  officer: (await requireOfficer(deps, req, { permission: 'relying_party.appraise', csrf })).officer,
  requestId: req.id,
})

/** The developer console's API (the applicant) and the management agency's appraisal API (officers). */
export const onboardingRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get(
    `${DEV}/config`,
    {
      schema: {
        tags: DEV_TAGS,
        summary: 'What the console offers here: the scopes, and whether this deployment is a sandbox',
        response: {
          200: z.object({
            sandbox: z.boolean(),
            sandboxLimit: z.number(),
            scopes: z.array(z.string()),
            appraisalDays: z.number(),
            tryLoginRedirectUri: z
              .string()
              .nullable()
              .describe(
                "Sandbox only: the console's try-a-login redirect URI, which sandbox clients get by themselves",
              ),
          }),
        },
      },
    },
    async () => ({
      sandbox: sandboxOn(deps.config),
      sandboxLimit: SANDBOX_LIMIT,
      scopes: [...KNOWN_SCOPES],
      appraisalDays: 30,
      tryLoginRedirectUri: tryLoginOffered(deps.config),
    }),
  )
  r.post(
    `${DEV}/applications`,
    {
      schema: {
        tags: DEV_TAGS,
        summary:
          "Apply to connect an organisation's service (level-2 account; security level ≥ 3; appraised within 30 days)",
        body: ApplicationBody,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await submitApplication(deps, await applicant(deps, req, true), req.body)),
  )
  r.get(
    `${DEV}/applications`,
    { schema: { tags: DEV_TAGS, summary: 'My applications and test clients, newest first' } },
    async (req) => ({ items: await myApplications(deps, await applicant(deps, req, false)) }),
  )
  r.get(
    `${DEV}/applications/:id`,
    { schema: { tags: DEV_TAGS, summary: 'One of my applications', params: IdParams } },
    async (req) => myApplication(deps, await applicant(deps, req, false), req.params.id),
  )
  r.post(
    `${DEV}/applications/:id/withdraw`,
    {
      schema: { tags: DEV_TAGS, summary: 'Withdraw an application not decided yet', params: IdParams },
    },
    async (req) => withdrawApplication(deps, await applicant(deps, req, true), req.params.id),
  )
  r.post(
    `${DEV}/applications/:id/credentials`,
    {
      schema: {
        tags: DEV_TAGS,
        summary: "The approved client's credentials, once: the secret is shown in this answer only",
        params: IdParams,
      },
    },
    async (req) => collectCredentials(deps, await applicant(deps, req, true), req.params.id),
  )
  r.post(
    `${DEV}/applications/:id/secret`,
    {
      schema: {
        tags: DEV_TAGS,
        summary: 'A new client secret (shown once); the old one stops working at once',
        params: IdParams,
      },
    },
    async (req) => rotateSecret(deps, await applicant(deps, req, true), req.params.id),
  )
  r.post(
    `${DEV}/applications/:id/jwks`,
    {
      schema: {
        tags: DEV_TAGS,
        summary:
          "Replace an approved private_key_jwt client's public keys (the old ones stop working at once)",
        params: IdParams,
        body: z.object({ jwks: z.unknown().describe('The new public key set (JWKS): public keys only') }),
      },
    },
    async (req) => replaceKeys(deps, await applicant(deps, req, true), req.params.id, req.body.jwks),
  )
  r.post(
    `${DEV}/sandbox-clients`,
    {
      schema: {
        tags: DEV_TAGS,
        summary: 'Sandbox only: a test client at once, against the synthetic population (secret shown once)',
        body: SandboxBody,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await registerSandboxClient(deps, await applicant(deps, req, true), req.body)),
  )

  r.get(
    OFFICER,
    {
      schema: {
        tags: OFFICER_TAGS,
        summary: 'Applications to appraise, earliest due first (overdue flagged), or the decided ones',
        querystring: QueueQuery,
      },
    },
    async (req) => appraisalQueue(deps, req.query, await appraiser(deps, req, false)),
  )
  r.get(
    `${OFFICER}/:id`,
    { schema: { tags: OFFICER_TAGS, summary: 'One application (the read is audited)', params: IdParams } },
    async (req) => readApplication(deps, req.params.id, await appraiser(deps, req, false)),
  )
  r.post(
    `${OFFICER}/:id/agreement`,
    {
      schema: {
        tags: OFFICER_TAGS,
        summary: 'Record the signed agreement (number, date): the 30 days count from its signing',
        params: IdParams,
        body: AgreementBody,
      },
    },
    async (req) => recordAgreement(deps, req.params.id, req.body, await appraiser(deps, req, true)),
  )
  r.post(
    `${OFFICER}/:id/approve`,
    {
      schema: {
        tags: OFFICER_TAGS,
        summary: 'Approve (never the officer who recorded the agreement): the client is registered',
        params: IdParams,
      },
    },
    async (req) => approveApplication(deps, req.params.id, await appraiser(deps, req, true)),
  )
  r.post(
    `${OFFICER}/:id/refuse`,
    {
      schema: {
        tags: OFFICER_TAGS,
        summary: 'Refuse, with a written reason',
        params: IdParams,
        body: ReasonBody,
      },
    },
    async (req) => refuseApplication(deps, req.params.id, req.body.reason, await appraiser(deps, req, true)),
  )
  r.post(
    `${OFFICER}/:id/allow-dependents`,
    {
      schema: {
        tags: OFFICER_TAGS,
        summary:
          "Turn acting for dependents on or off for the approved client, with a written reason (oidc.REASON_REQUIRED); off stops the dependents' logins and tokens at once",
        params: IdParams,
        body: DependentsBody,
      },
    },
    async (req) =>
      changeClientDependents(
        deps,
        req.params.id,
        req.body.allowDependents,
        req.body.reason,
        await appraiser(deps, req, true),
      ),
  )
  for (const [step, to] of [
    ['suspend', 'suspended'],
    ['reinstate', 'active'],
  ] as const)
    r.post(
      `${OFFICER}/:id/${step}`,
      {
        schema: {
          tags: OFFICER_TAGS,
          summary: `${step === 'suspend' ? 'Suspend' : 'Reinstate'} the approved client (reason recorded)`,
          params: IdParams,
          body: ReasonBody,
        },
      },
      async (req) =>
        changeClientStatus(deps, req.params.id, to, req.body.reason, await appraiser(deps, req, true)),
    )
}
