import { createECDH, createHash, webcrypto } from 'node:crypto'

// Published on purpose, like the demo officers' passwords: the demo bank's key is a demo, not a secret.
const SEED = 'dinhdanh demo bank: a published demo key, never for real use'
export const BANK_KEY_ID = 'demo-bank-1'

/** The demo bank's ES256 key pair as JWKs, derived from the published seed (the same on every machine). */
export const bankKeyJwks = () => {
  const d = createHash('sha256').update(SEED).digest()
  const ecdh = createECDH('prime256v1')
  ecdh.setPrivateKey(d)
  const point = ecdh.getPublicKey()
  const pub = {
    kty: 'EC',
    crv: 'P-256',
    x: point.subarray(1, 33).toString('base64url'),
    y: point.subarray(33).toString('base64url'),
    kid: BANK_KEY_ID,
    use: 'sig',
    alg: 'ES256',
  }
  return { publicJwk: pub, privateJwk: { ...pub, d: d.toString('base64url') } }
}

/** The private key openid-client signs the bank's client assertions (private_key_jwt) with. */
export const bankSigningKey = async () => {
  const { privateJwk } = bankKeyJwks()
  const { kid, use, alg, ...jwk } = privateJwk
  const key = await webcrypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
  ])
  return { key, kid }
}
