import { isIP } from 'node:net'
import type { Config } from '../../platform/config.js'
import { fail } from '../../platform/errors.js'
import { PASSKEYS } from './passkey.errors.js'

export type RelyingParty = { id: string; name: string; origins: string[] }

/**
 * Who passkeys are made for: by default the public URL's host and origin. Browsers refuse an IP address
 * as a relying-party ID, so a platform reached by IP has no passkeys (and says so).
 */
export const relyingPartyOf = (config: Config): RelyingParty => {
  const url = new URL(config.publicUrl)
  const id = config.WEBAUTHN_RP_ID ?? url.hostname
  if (isIP(id.replace(/^\[|\]$/g, ''))) return fail(PASSKEYS.PASSKEYS_UNAVAILABLE)
  return { id, name: 'dinhdanh – Định danh điện tử', origins: config.WEBAUTHN_ORIGINS ?? [url.origin] }
}
