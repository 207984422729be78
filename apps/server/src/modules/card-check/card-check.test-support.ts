import { type CccdQrRecord, formatCccdQr } from '@dinhdanh/vn-id'
import { expect } from 'vitest'
import type { TestContext } from '../../test/harness.js'
import { addClient } from '../oidc/index.js'
import { findPersonRecord } from '../registry/index.js'

/** The QR printed on the person's newest card (or the card issued on `change.issueDate`), with changes. */
export const qrOf = async (t: TestContext, personalId: string, change: Partial<CccdQrRecord> = {}) => {
  const p = await findPersonRecord(t.db, personalId)
  if (!p) throw new Error(`no ${personalId} in the test registry`)
  const pad = (n: number | null) => String(n ?? 1).padStart(2, '0')
  const cmnd = p.old_ids.find((o) => o.kind === 'cmnd')?.number
  const record: CccdQrRecord = {
    personalId,
    ...(cmnd === undefined ? {} : { oldCmnd: cmnd }),
    fullName: p.full_name,
    dateOfBirth: `${p.birth_year}-${pad(p.birth_month)}-${pad(p.birth_day)}`,
    gender: p.gender,
    address: p.permanent_address,
    issueDate: p.cards[0]?.issued_on ?? '2021-01-01',
    extra: [],
    ...change,
  }
  const text = formatCccdQr(record)
  if (!text.ok) throw new Error(`${text.code}: ${text.message}`)
  return text.value
}

/** A machine token of a registered client from /oidc/token (client_credentials, client_secret_basic). */
export const machineToken = async (
  t: TestContext,
  creds: { client_id: string; client_secret?: string | null },
  scope?: string,
) => {
  const basic = Buffer.from(
    `${encodeURIComponent(creds.client_id)}:${encodeURIComponent(creds.client_secret ?? '')}`,
  ).toString('base64')
  const res = await t.app.inject({
    method: 'POST',
    url: '/oidc/token',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      grant_type: 'client_credentials',
      ...(scope === undefined ? {} : { scope }),
    }).toString(),
  })
  expect(res.statusCode, res.body).toBe(200)
  return (res.json() as { access_token: string }).access_token
}

/** A verifier registered for client credentials, and a machine token it got from /oidc/token. */
export const givenVerifier = async (t: TestContext, opts: { scope?: string; name?: string } = {}) => {
  const creds = await addClient(
    t.deps,
    { id: 'test', kind: 'system' },
    {
      name: opts.name ?? 'Ngân hàng Thử nghiệm (quầy)',
      purpose: 'Mở tài khoản tại quầy giao dịch',
      redirectUris: ['http://localhost:9/callback'],
      clientCredentials: true,
    },
  )
  const token = await machineToken(t, creds, opts.scope)
  return { creds, token, headers: { authorization: `Bearer ${token}` } }
}
