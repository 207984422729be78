// The holder proof of OpenID4VCI (§8.2.1.1, "jwt" proof type) that binds a credential to this device's key:
// a compact JWS signed with the device key, its public key in the `jwk` header.

export type PublicJwk = { kty: 'EC'; crv: 'P-256'; x: string; y: string }

const utf8 = new TextEncoder()

export const base64url = (bytes: Uint8Array): string => {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

const jsonPart = (value: unknown) => base64url(utf8.encode(JSON.stringify(value)))

/** Only the public members: a JWK exported by WebCrypto also carries key_ops and ext, which the header needs not. */
export const publicJwkOf = (jwk: JsonWebKey): PublicJwk => {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new Error('not a P-256 public key')
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }
}

/**
 * The proof JWS: header `{ alg: ES256, typ: openid4vci-proof+jwt, jwk }`, payload `{ aud, iat, nonce }`.
 * WebCrypto's ECDSA signature is already the raw r||s (64 bytes) that JWS wants, not DER.
 */
export const signHolderProof = async (
  signer: { privateKey: CryptoKey; publicJwk: PublicJwk },
  claims: { aud: string; nonce: string; now: Date },
): Promise<string> => {
  const header = jsonPart({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk: signer.publicJwk })
  const payload = jsonPart({
    aud: claims.aud,
    iat: Math.floor(claims.now.getTime() / 1000),
    nonce: claims.nonce,
  })
  const signingInput = `${header}.${payload}`
  const signature = await crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    signer.privateKey,
    utf8.encode(signingInput),
  )
  return `${signingInput}.${base64url(new Uint8Array(signature))}`
}
