// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata polyfill first.
import 'reflect-metadata'
import { webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'

/** ISO/IEC 18013-5 Annex B: the extended key usage of an mDL document signer certificate. */
const MDL_DS_EKU = '1.0.18013.5.1.2'
const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const
const HOUR = 3_600_000
const DAY = 24 * HOUR

/** IACA roots live long (ISO allows 20 years); document signers briefly (at most 457 days). */
export const IACA_VALIDITY_MS = 10 * 365 * DAY
export const DS_VALIDITY_MS = 425 * DAY

export const IACA_NAME = 'C=VN, O=Bộ Công an, CN=dinhdanh IACA'
export const DS_NAME = 'C=VN, O=Bộ Công an, CN=dinhdanh mDL document signer'

export const generateP256 = () =>
  webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']) as Promise<webcrypto.CryptoKeyPair>

const serial = () =>
  Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
    .toString('hex')
    .replace(/^[89a-f]/, '1')

// A little before now: a verifier whose clock runs behind must not see a certificate from the future.
const notBefore = (now: Date) => new Date(now.getTime() - HOUR)

/** The self-signed IACA root: the trust anchor verifiers install; it signs only document signer certificates. */
export const createIacaCertificate = async (keys: webcrypto.CryptoKeyPair, now: Date) =>
  x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: serial(),
      name: IACA_NAME,
      notBefore: notBefore(now),
      notAfter: new Date(now.getTime() + IACA_VALIDITY_MS),
      keys,
      signingAlgorithm: SIGNING,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, webcrypto),
      ],
    },
    webcrypto,
  )

/** A document signer certificate under the IACA root: its key signs the mobile security objects (MSO). */
export const createDocumentSignerCertificate = async (
  dsPublicKey: webcrypto.CryptoKey,
  iaca: { certificate: x509.X509Certificate; privateKey: webcrypto.CryptoKey },
  now: Date,
) => {
  const notAfter = Math.min(now.getTime() + DS_VALIDITY_MS, iaca.certificate.notAfter.getTime())
  return x509.X509CertificateGenerator.create(
    {
      serialNumber: serial(),
      subject: DS_NAME,
      issuer: iaca.certificate.subject,
      notBefore: notBefore(now),
      notAfter: new Date(notAfter),
      publicKey: dsPublicKey,
      signingKey: iaca.privateKey,
      signingAlgorithm: SIGNING,
      extensions: [
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([MDL_DS_EKU], true),
        await x509.SubjectKeyIdentifierExtension.create(dsPublicKey, false, webcrypto),
        await x509.AuthorityKeyIdentifierExtension.create(iaca.certificate.publicKey, false, webcrypto),
      ],
    },
    webcrypto,
  )
}

export const importPrivateP256 = (jwk: webcrypto.JsonWebKey) =>
  webcrypto.subtle.importKey('jwk', jwk, EC, false, ['sign'])

export const parseCertificate = (pem: string) => new x509.X509Certificate(pem)
