import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto'
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server'

// A software authenticator for tests: it makes real ES256 credentials, attestation objects and signed
// assertions as a platform authenticator would (the browser and the device are outside the platform).

type Cbor = number | string | Uint8Array | Map<number | string, Cbor>

const head = (major: number, n: number) => {
  if (n < 24) return Buffer.from([(major << 5) | n])
  if (n < 256) return Buffer.from([(major << 5) | 24, n])
  const b = Buffer.alloc(3)
  b[0] = (major << 5) | 25
  b.writeUInt16BE(n, 1)
  return b
}

/** Just enough CBOR (RFC 8949) for attestation objects and COSE keys. */
export const cbor = (v: Cbor): Buffer => {
  if (typeof v === 'number') return v >= 0 ? head(0, v) : head(1, -1 - v)
  if (typeof v === 'string') return Buffer.concat([head(3, Buffer.byteLength(v)), Buffer.from(v)])
  if (v instanceof Uint8Array) return Buffer.concat([head(2, v.length), v])
  return Buffer.concat([head(5, v.size), ...[...v].flatMap(([k, x]) => [cbor(k), cbor(x)])])
}

const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url')
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest()

type Credential = { id: Buffer; key: KeyObject; userHandle: string; rpId: string; counter: number }

export class SoftAuthenticator {
  readonly credentials: Credential[] = []
  /** Whether the device checks the holder (PIN or biometric): the UV flag. */
  userVerifies = true

  private authData(rpId: string, counter: number, attested?: Buffer) {
    const flags = 0x01 | (this.userVerifies ? 0x04 : 0) | (attested ? 0x40 : 0)
    const count = Buffer.alloc(4)
    count.writeUInt32BE(counter)
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])])
  }

  private clientData(type: string, challenge: string, origin: string) {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }))
  }

  /** navigator.credentials.create(): a new key pair, attested with the 'none' format. */
  create(options: PublicKeyCredentialCreationOptionsJSON, origin: string): RegistrationResponseJSON {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const jwk = publicKey.export({ format: 'jwk' })
    const cose = cbor(
      new Map<number, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x as string, 'base64url')],
        [-3, Buffer.from(jwk.y as string, 'base64url')],
      ]),
    )
    const id = randomBytes(32)
    const idLength = Buffer.alloc(2)
    idLength.writeUInt16BE(id.length)
    const rpId = options.rp.id ?? new URL(origin).hostname
    const authData = this.authData(rpId, 0, Buffer.concat([Buffer.alloc(16), idLength, id, cose]))
    const attestationObject = cbor(
      new Map<string, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    )
    this.credentials.push({ id, key: privateKey, userHandle: options.user.id, rpId, counter: 0 })
    return {
      id: b64u(id),
      rawId: b64u(id),
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: b64u(this.clientData('webauthn.create', options.challenge, origin)),
        attestationObject: b64u(attestationObject),
        transports: ['internal'],
      },
    }
  }

  /** navigator.credentials.get(): an assertion by the first allowed credential (or the given one). */
  get(
    options: PublicKeyCredentialRequestOptionsJSON,
    origin: string,
    pick: { credential?: number; counter?: number } = {},
  ): AuthenticationResponseJSON {
    const allowed = options.allowCredentials?.map((c) => c.id)
    const candidates = this.credentials.filter((c) => !allowed?.length || allowed.includes(b64u(c.id)))
    const cred = candidates[pick.credential ?? 0] ?? this.credentials[pick.credential ?? 0]
    if (!cred) throw new Error('no credential')
    cred.counter = pick.counter ?? cred.counter + 1
    const authData = this.authData(options.rpId ?? cred.rpId, cred.counter)
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, origin)
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), cred.key)
    return {
      id: b64u(cred.id),
      rawId: b64u(cred.id),
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: b64u(clientDataJSON),
        authenticatorData: b64u(authData),
        signature: b64u(signature),
        userHandle: cred.userHandle,
      },
    }
  }
}
