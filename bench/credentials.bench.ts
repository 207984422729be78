import { cpus, loadavg } from 'node:os'
import QRCode from 'qrcode'
import {
  AN,
  deviceKey,
  drivingLicence,
  givenIssuer,
  issuerMetadata,
  present,
  seconds,
} from '../apps/server/src/modules/credentials/credentials.test-support.js'
import {
  issueDocumentSdJwt,
  issuePidSdJwt,
  sdJwtVcVerifier,
} from '../apps/server/src/modules/credentials/index.js'
import { librarySdJwtVcVerifier } from '../apps/server/src/modules/credentials/sd-jwt.verifier.test-support.js'
import type { BenchResult } from './types.js'

// ISO/IEC 18004 Table 7: byte-mode capacity at error-correction level M, versions 1 to 40.
const BYTE_CAPACITY_M = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779,
  857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
]
/** The smallest QR version holding `bytes` in byte mode at level M, or null when none does. */
export const qrVersionM = (bytes: number) => {
  const i = BYTE_CAPACITY_M.findIndex((c) => c >= bytes)
  return i < 0 ? null : i + 1
}
// The table checked against the qrcode package's own choice, so a typo in it cannot go unnoticed.
const qrcodeVersion = (text: string) => {
  try {
    return QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' })
      .version
  } catch {
    return null
  }
}

const round = (n: number) => Math.round(n)
/** Distinct holders (credential and device key each) whose presentations the verifier goes through in turn. */
const HOLDERS = 32

/**
 * Offline verification of SD-JWT VC presentations (issuer signature, disclosures, key binding, status from
 * a cached list) on one thread, and the size of each sharing choice as a QR code.
 */
export const runCredentialsBench = async (
  opts: { verifications?: number; libraryVerifications?: number; log?: (l: string) => void } = {},
): Promise<BenchResult[]> => {
  const t = await givenIssuer()
  try {
    const holder = await deviceKey()
    const pid = await issuePidSdJwt(t.deps, { personalId: AN, holderJwk: holder.publicKey })
    const licence = await issueDocumentSdJwt(t.deps, {
      document: drivingLicence(),
      holderJwk: holder.publicKey,
    })
    const kb = { iat: seconds(t), aud: 'https://verifier.example', nonce: 'qr-0001' }
    const shares = {
      name_birth_date: await present(
        pid.credential,
        holder.privateKey,
        { family_name: true, given_name: true, birth_date: true },
        kb,
      ),
      full_card: await present(pid.credential, holder.privateKey, allOf(pid.credential), kb),
      driving_licence: await present(licence.credential, holder.privateKey, allOf(licence.credential), kb),
    }
    const sizes = Object.fromEntries(
      Object.entries(shares).map(([k, v]) => {
        const bytes = Buffer.byteLength(v)
        const version = qrVersionM(bytes)
        if (version !== qrcodeVersion(v)) throw new Error(`QR table disagrees with qrcode for ${k}`)
        return [k, { bytes, qrVersionM: version }]
      }),
    )
    // Offline: the verifier holds the issuer keys and a status list fetched earlier. Every verification is of
    // another holder's presentation (a credential and device key of its own), as at a door: nothing a verifier
    // could keep per credential or per holder helps.
    const listRes = await t.app.inject({
      method: 'GET',
      url: `/api/v1/credentials/status-lists/${pid.status.listId}`,
    })
    const cachedList = listRes.body
    const { jwks } = await issuerMetadata(t)
    const presentations: string[] = []
    for (let i = 0; i < HOLDERS; i++) {
      const device = await deviceKey()
      const own = await issuePidSdJwt(t.deps, { personalId: AN, holderJwk: device.publicKey })
      if (own.status.listId !== pid.status.listId) throw new Error('the bench expects one status list')
      presentations.push(
        await present(
          own.credential,
          device.privateKey,
          { family_name: true, given_name: true, birth_date: true },
          kb,
        ),
      )
    }
    const options = { currentDate: seconds(t), keyBindingNonce: 'qr-0001' }
    const verifier = sdJwtVcVerifier(jwks, async () => cachedList)
    const library = librarySdJwtVcVerifier(jwks, async () => cachedList)
    // Same run, same machine state: the @sd-jwt library's verifier (the platform's before) on a few, then ours.
    const rate = async (v: { verify: (p: string, o: typeof options) => Promise<unknown> }, n: number) => {
      for (let i = 0; i < Math.min(n, 200); i++) await v.verify(presentations[i % HOLDERS] as string, options)
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      for (let i = 0; i < n; i++) await v.verify(presentations[i % HOLDERS] as string, options)
      const cpu = process.cpuUsage(c0)
      const secs = (performance.now() - t0) / 1000
      return { secs, ops: n / secs, cpuUsPerOp: (cpu.user + cpu.system) / n }
    }
    const loadBefore = loadavg()[0] ?? 0
    const before = await rate(library, opts.libraryVerifications ?? 100)
    const n = opts.verifications ?? 5000
    const after = await rate(verifier, n)
    const secs = after.secs
    const ops = round(after.ops)
    const loadAfter = loadavg()[0] ?? 0
    const ab = {
      libraryOps: Number(before.ops.toFixed(1)),
      libraryCpuUsPerOp: round(before.cpuUsPerOp),
      cpuUsPerOp: round(after.cpuUsPerOp),
      speedup: round(after.ops / before.ops),
      cpuSpeedup: round(before.cpuUsPerOp / after.cpuUsPerOp),
    }
    opts.log?.(
      `  offline verifications: ${ops}/s on one thread (${ab.cpuUsPerOp} µs CPU each); the library's verifier in the same run ${ab.libraryOps}/s (${ab.libraryCpuUsPerOp} µs CPU); load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}; sizes ${JSON.stringify(sizes)}`,
    )
    return [
      {
        name: 'credentials.offline_verify',
        engine: 'node',
        ops,
        count: n,
        seconds: Number(secs.toFixed(2)),
        target: 4000,
        extra: {
          sizes,
          cores: cpus().length,
          holders: HOLDERS,
          ...ab,
          loadAverage: [loadBefore, loadAfter].map((l) => Number(l.toFixed(1))),
        },
      },
    ]
  } finally {
    await t.close()
  }
}

// Every top-level disclosure of a credential, for a presentation that shows everything.
const allOf = (credential: string) =>
  Object.fromEntries(
    credential
      .split('~')
      .slice(1)
      .filter(Boolean)
      .map((d) => [JSON.parse(Buffer.from(d, 'base64url').toString('utf8'))[1] as string, true]),
  )
