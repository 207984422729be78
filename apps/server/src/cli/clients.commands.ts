import { readFileSync } from 'node:fs'
import { type Command, InvalidArgumentError } from 'commander'
import type { ClientActor } from '../modules/oidc/index.js'
import { systemClock } from '../platform/clock.js'
import { AppError } from '../platform/errors.js'
import { withDb } from './context.js'

// Loaded on use: oidc-provider (and its Node-version warning) stays out of every other command.
const oidc = () => import('../modules/oidc/index.js')
const CLI: ClientActor = { id: 'cli', kind: 'system' }
const collect = (value: string, previous: string[]) => [...previous, value]
const list = (text: string) => text.split(/[\s,]+/).filter(Boolean)
const onOff = (text: string) => {
  if (text === 'on' || text === 'off') return text === 'on'
  throw new InvalidArgumentError('on or off')
}

const readJwks = async (path: string): Promise<unknown> => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    const { OIDC } = await oidc()
    throw new AppError(
      OIDC.JWKS_INVALID.code,
      400,
      `${OIDC.JWKS_INVALID.message} (cannot read ${path} as JSON)`,
    )
  }
}

type AddOptions = {
  name: string
  redirectUri: string[]
  purpose?: string
  minLevel: string
  scopes: string
  sector?: string
  auth?: string
  jwks?: string
  profile?: string
  clientCredentials?: boolean
  allowDependents?: boolean
  postLogoutRedirectUri: string[]
  backchannelLogoutUri?: string
}

export const clientsCommands = (program: Command) => {
  const clients = program
    .command('clients')
    .description('relying parties that log citizens in through the OpenID provider (docs/oidc.md)')
  clients
    .command('add')
    .description('register a relying party: prints its credentials as JSON, the client secret this once only')
    .requiredOption('--name <name>', 'the name citizens see on the login and consent pages')
    .requiredOption(
      '--redirect-uri <uri>',
      'a redirect URI (https; http only for localhost); repeat for more',
      collect,
      [],
    )
    .option('--purpose <text>', 'why it asks for the data, shown on the consent page')
    .option('--min-level <level>', 'the lowest account level it accepts: 1 or 2', '1')
    .option(
      '--scopes <scopes>',
      'allowed scopes among openid, profile, vn_id, offline_access',
      'openid,profile,offline_access',
    )
    .option('--sector <name>', 'share pairwise subjects with the other clients of this sector')
    .option(
      '--auth <method>',
      'client_secret_basic (default) | client_secret_post | private_key_jwt (default for fapi2)',
    )
    .option('--jwks <file>', 'public key set (JSON) for private_key_jwt')
    .option('--profile <profile>', 'baseline (default) | fapi2: PAR, DPoP and private_key_jwt required')
    .option(
      '--client-credentials',
      'also allow the client_credentials grant (machine tokens, no personal data)',
    )
    .option(
      '--post-logout-redirect-uri <uri>',
      'where it may send the citizen after logout (same rules as --redirect-uri); repeat for more',
      collect,
      [],
    )
    .option('--backchannel-logout-uri <uri>', 'where the provider posts logout tokens (https)')
    .option('--allow-dependents', 'let a parent or guardian sign in for a child or ward (docs/oidc.md)')
    .action((opts: AddOptions) =>
      withDb(async ({ config, handle }) => {
        const { addClient, issuerOf } = await oidc()
        const credentials = await addClient({ db: handle.db, clock: systemClock }, CLI, {
          name: opts.name,
          redirectUris: opts.redirectUri,
          purpose: opts.purpose,
          scopes: list(opts.scopes),
          minLevel: Number(opts.minLevel),
          sector: opts.sector,
          authMethod: opts.auth,
          profile: opts.profile,
          clientCredentials: opts.clientCredentials === true,
          allowDependents: opts.allowDependents === true,
          postLogoutRedirectUris: opts.postLogoutRedirectUri,
          backchannelLogoutUri: opts.backchannelLogoutUri,
          ...(opts.jwks ? { jwks: await readJwks(opts.jwks) } : {}),
        })
        const issuer = issuerOf(config)
        const discovery = `${issuer}/.well-known/openid-configuration`
        console.log(JSON.stringify({ ...credentials, issuer, discovery }, null, 2))
      }),
    )
  clients
    .command('list')
    .description('every registered relying party, as JSON (secrets are never shown)')
    .action(() =>
      withDb(async ({ handle }) => {
        const { listClients } = await oidc()
        console.log(JSON.stringify(await listClients({ db: handle.db, clock: systemClock }), null, 2))
      }),
    )
  clients
    .command('suspend <clientId>')
    .description('cut a relying party off at once: no new logins, its tokens stop working')
    .option('--reason <text>', 'recorded in the audit log')
    .action((clientId: string, opts: { reason?: string }) =>
      withDb(async ({ handle }) => {
        const { suspendClient } = await oidc()
        const view = await suspendClient({ db: handle.db, clock: systemClock }, CLI, clientId, opts.reason)
        console.log(JSON.stringify(view, null, 2))
      }),
    )
  clients
    .command('set <clientId>')
    .description('change what a relying party may do; prints the client as JSON')
    .requiredOption(
      '--allow-dependents <on|off>',
      'let a parent or guardian sign in for a child or ward (off: their logins and tokens stop at once)',
      onOff,
    )
    .requiredOption('--reason <text>', 'why, in writing (at least 10 characters); recorded in the audit log')
    .action((clientId: string, opts: { allowDependents: boolean; reason: string }) =>
      withDb(async ({ handle }) => {
        const { setAllowDependents } = await oidc()
        const view = await setAllowDependents(
          { db: handle.db, clock: systemClock },
          CLI,
          clientId,
          opts.allowDependents,
          opts.reason,
        )
        console.log(JSON.stringify(view, null, 2))
      }),
    )
  clients
    .command('reinstate <clientId>')
    .description('end a suspension')
    .option('--reason <text>', 'recorded in the audit log')
    .action((clientId: string, opts: { reason?: string }) =>
      withDb(async ({ handle }) => {
        const { reinstateClient } = await oidc()
        const view = await reinstateClient({ db: handle.db, clock: systemClock }, CLI, clientId, opts.reason)
        console.log(JSON.stringify(view, null, 2))
      }),
    )
}
