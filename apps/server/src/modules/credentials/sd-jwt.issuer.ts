import { digest, ES256, generateSalt } from '@sd-jwt/crypto-nodejs'
import { SDJwtVcInstance, type SdJwtVcPayload } from '@sd-jwt/sd-jwt-vc'
import type { DisclosureFrame } from '@sd-jwt/types'
import type { IssuerKey } from './issuer-keys.js'

/** Signs an SD-JWT VC in which every claim but the registered ones (iss, vct, cnf, status...) is disclosable. */
export const signSdJwtVc = async (
  key: IssuerKey,
  registered: SdJwtVcPayload,
  claims: Record<string, unknown>,
): Promise<string> => {
  const sdjwt = new SDJwtVcInstance({
    signer: await ES256.getSigner(key.privateJwk),
    signAlg: 'ES256',
    hasher: digest,
    hashAlg: 'sha-256',
    saltGenerator: generateSalt,
  })
  const payload = { ...claims, ...registered }
  const frame = { _sd: Object.keys(claims) } as DisclosureFrame<typeof payload>
  return sdjwt.issue(payload, frame, { header: { kid: key.kid } })
}
