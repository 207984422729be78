import type { FastifyReply, FastifyRequest } from 'fastify'
import { errors, type Interaction } from 'oidc-provider'
import { z } from 'zod'
import { AppError, fail } from '../../platform/errors.js'
import { sendPage } from './interaction.http.js'
import { errorPage } from './interaction.pages.js'
import { OIDC } from './oidc.errors.js'
import type { OidcRuntime } from './oidc.provider.js'

const Params = z.object({ uid: z.string().min(1).max(64) })

/**
 * This browser's own interaction, at the step the page expects: the interaction cookie must match the
 * address, and a prompt other than the one named is a stale page.
 */
export const interactionStep = async (
  oidc: OidcRuntime,
  req: FastifyRequest,
  reply: FastifyReply,
  prompt?: string,
) => {
  const { uid } = Params.parse(req.params)
  const { provider } = await oidc.current()
  let details: Interaction
  try {
    details = await provider.interactionDetails(req.raw, reply.raw)
  } catch (e) {
    if (e instanceof errors.SessionNotFound) return fail(OIDC.INTERACTION_EXPIRED)
    throw e
  }
  if (details.uid !== uid || (prompt && details.prompt.name !== prompt)) fail(OIDC.INTERACTION_STEP_INVALID)
  return { provider, details }
}

/** Interaction pages answer errors as pages: the expected ones in words, anything else as the platform's error. */
export const asPage =
  (handler: (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) =>
  async (req: FastifyRequest, reply: FastifyReply) => {
    try {
      return await handler(req, reply)
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      return sendPage(reply, e.status, errorPage(e.code, undefined))
    }
  }
