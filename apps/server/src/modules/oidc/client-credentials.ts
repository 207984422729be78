import { errors, interactionPolicy, type KoaContextWithOIDC, type Provider } from 'oidc-provider'

/**
 * What a machine token (client_credentials grant) may carry. It is issued to a client with no citizen
 * behind it, so never a personal-data scope: only `share_redeem`, which lets a registered verifier redeem
 * a citizen's one-time QR share token (issue 7).
 */
export const MACHINE_SCOPES: readonly string[] = ['share_redeem']
const machine = new Set(MACHINE_SCOPES)

/**
 * oidc-provider lets a client_credentials request carry any scope the client may ask for; the token's save
 * is the one place every machine token passes, so the rule is enforced there.
 */
export const onlyMachineScopes = (provider: Provider) => {
  const { prototype } = provider.ClientCredentials
  const save = prototype.save
  prototype.save = async function (this: { scope?: string | undefined }) {
    const refused = (this.scope ?? '').split(' ').find((s) => s && !machine.has(s))
    if (refused)
      throw new errors.InvalidScope('a machine token carries no personal data: only share_redeem', refused)
    return save.call(this)
  }
}

/** A citizen's login never carries a machine scope: a request naming one ends with invalid_scope. */
export const noMachineScopeInLogins = new interactionPolicy.Check(
  'machine_scope',
  'a machine scope cannot be requested in an authorization request',
  'invalid_scope',
  (ctx: KoaContextWithOIDC) => {
    const asked = String(ctx.oidc.params?.scope ?? '').split(' ')
    const refused = asked.find((s) => machine.has(s))
    if (refused) throw new errors.InvalidScope('requested scope is not allowed', refused)
    return interactionPolicy.Check.NO_NEED_TO_PROMPT
  },
)

// RFC 6749 §5.2 names a grant type the client is not registered for `unauthorized_client`; oidc-provider
// answers invalid_request with this description, so the token endpoint's answer is corrected here.
const NOT_ALLOWED = 'requested grant type is not allowed for this client'

export const unauthorizedClientForGrantType = (provider: Provider, tokenPath: string) => {
  provider.use(async (ctx, next) => {
    await next()
    const body: unknown = ctx.body
    if (
      ctx.path === tokenPath &&
      typeof body === 'object' &&
      body !== null &&
      'error_description' in body &&
      body.error_description === NOT_ALLOWED
    )
      Object.assign(body, { error: 'unauthorized_client' })
  })
}
