import type { Application } from '../developersApi'

/** A test client try-a-login can list: a sandbox client that is registered and not suspended. */
export const triable = (a: Application) =>
  a.kind === 'sandbox' && a.clientId !== null && a.clientStatus === 'active'

/** Try-a-login plays a client with a shared secret; key-based and FAPI 2.0 clients need their own code. */
export const secretClient = (a: Application) => a.authMethod !== 'private_key_jwt' && a.profile !== 'fapi2'
