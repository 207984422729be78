import { randomUUID } from 'node:crypto'
import * as client from 'openid-client'
import { beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import { givenAccount, lastSmsCode } from '../accounts/accounts.test-support.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { addressClaim } from './oidc.claims.address.js'
import {
  AN,
  authorizationRequest,
  BINH,
  exchange,
  givenRelyingParty,
  logIn,
  PASSWORD,
  testAgent,
  useOidcTest,
} from './oidc.test-support.js'

const KIM = 'NN0000000001'
const FACE_CHECK = randomUUID()
const FINGER_CHECK = randomUUID()
const SELFIE_CHECK = randomUUID()

const t = useOidcTest()
let counterDossier: string
let appDossier: string
beforeAll(async () => {
  await givenAccount(t.db, { subjectId: KIM, level: 1, password: PASSWORD, phone: '+84700000001', at: NOW })
  await t.db
    .updateTable('accounts_account')
    .set({ email: 'an@example.vn' })
    .where('subject_id', '=', AN)
    .execute()
  appDossier = await givenAppDossier(BINH)
  counterDossier = await givenCounterDossier(AN)
}, 120_000)

/** Bình's level-1 dossier from the app, approved with a selfie check (the processor's record of it). */
const givenAppDossier = async (subjectId: string) => {
  const id = randomUUID()
  await t.db
    .insertInto('accounts_dossier')
    .values({
      id,
      kind: 'CITIZEN_L1_APP',
      subject_id: subjectId,
      declared: JSON.stringify({ fullName: 'Trần Thị Bình', dateOfBirth: '1990-08-02' }),
      phone: '+84987654321',
      email: null,
      selfie_enc: null,
      state: 'approved',
      received_on: AS_OF,
      due_on: AS_OF,
      reason: null,
      verification_id: SELFIE_CHECK,
      account_id: null,
      claimed_at: NOW,
      created_at: NOW,
      decided_at: new Date('2026-11-20T02:00:00Z'),
    })
    .execute()
  await t.db
    .updateTable('accounts_account')
    .set({ dossier_id: id })
    .where('subject_id', '=', subjectId)
    .execute()
  return id
}

/** An's level-2 dossier at a police counter, approved after face and fingerprints matched. */
const givenCounterDossier = async (subjectId: string) => {
  const id = randomUUID()
  const account = await t.db
    .selectFrom('accounts_account')
    .select('id')
    .where('subject_id', '=', subjectId)
    .executeTakeFirstOrThrow()
  await t.db
    .insertInto('enrolment_counter_dossier')
    .values({
      id,
      number: `TK01-${id.slice(0, 8)}`,
      kind: 'CITIZEN_L2_COUNTER',
      subject_id: subjectId,
      full_name: 'Nguyễn Văn An',
      date_of_birth: '1995-03-15',
      phone: '+84912345678',
      email: null,
      documents: JSON.stringify([]),
      card_request: null,
      state: 'approved',
      unit_code: '26734',
      unit_level: 'commune',
      unit_province: '79',
      received_by: randomUUID(),
      received_by_number: 'CB-001',
      face_verification_id: FACE_CHECK,
      fingerprint_verification_id: FINGER_CHECK,
      biometrics_enrolled: false,
      biometrics_verified_at: new Date('2026-11-21T01:10:00Z'),
      citizen_confirmed_at: new Date('2026-11-21T01:12:00Z'),
      confirmation_statement: null,
      received_on: '2026-11-21',
      due_on: '2026-11-24',
      due_case: null,
      card_application_id: null,
      decided_by: randomUUID(),
      decided_at: new Date('2026-11-22T08:30:00Z'),
      reason: null,
      account_id: account.id,
      created_at: new Date('2026-11-21T01:00:00Z'),
      updated_at: new Date('2026-11-22T08:30:00Z'),
    })
    .execute()
  return id
}

/** A relying party allowed `scopes`, a login by `username` asking for `scope`, and the userinfo answer. */
const userinfo = async (username: string, scopes: string[], scope: string) => {
  const { config } = await givenRelyingParty(t, { scopes })
  const req = await authorizationRequest(config, { scope })
  const tokens = await exchange(config, (await logIn(t, testAgent(), req.url, { username })).callback, req)
  return client.fetchUserInfo(config, tokens.access_token, tokens.claims()?.sub ?? '')
}

describe('address, phone and email scopes (OpenID Connect Core §5.4)', () => {
  test('a citizen releases the permanent residence, the verified phone and the e-mail, each only under its scope', async () => {
    const info = await userinfo(AN, ['openid', 'address', 'phone', 'email'], 'openid address phone email')
    expect(info).toMatchObject({
      address: {
        formatted: '12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
        street_address: '12 Lê Lợi',
        locality: 'Phường Bến Nghé',
        region: 'TP. Hồ Chí Minh',
        country: 'VN',
      },
      phone_number: '+84912345678',
      phone_number_verified: true,
      email: 'an@example.vn',
      email_verified: false,
    })
    expect(info).not.toHaveProperty('name')
    const phoneOnly = await userinfo(AN, ['openid', 'address', 'phone', 'email'], 'openid phone')
    expect(Object.keys(phoneOnly).sort()).toEqual(['phone_number', 'phone_number_verified', 'sub'])
  })

  test('an account without an e-mail releases none, and a foreigner has no address on the immigration record', async () => {
    const binh = await userinfo(BINH, ['openid', 'email'], 'openid email')
    expect(binh).not.toHaveProperty('email')
    const kim = await userinfo(KIM, ['openid', 'address', 'phone'], 'openid address phone')
    expect(kim).not.toHaveProperty('address')
    expect(kim).toMatchObject({ phone_number: '+84700000001', phone_number_verified: true })
  })

  test('a relying party whose agreement does not list a scope is refused with invalid_scope', async () => {
    for (const scope of ['address', 'phone', 'email', 'vn_verified']) {
      const { config } = await givenRelyingParty(t, { scopes: ['openid', 'profile'] })
      const req = await authorizationRequest(config, { scope: `openid ${scope}` })
      const step = await testAgent().go(req.url.href)
      expect(step.callback?.searchParams.get('error'), scope).toBe('invalid_scope')
    }
  })

  test('the consent page names each piece of data in Vietnamese, and in English on request', async () => {
    const { config } = await givenRelyingParty(t, {
      scopes: ['openid', 'address', 'phone', 'email', 'vn_verified'],
    })
    const req = await authorizationRequest(config, { scope: 'openid address phone email vn_verified' })
    const agent = testAgent()
    t.clock.advance(1000)
    let page = await agent.submit(await agent.go(req.url.href), 'login', { username: AN, password: PASSWORD })
    if (page.body.includes('/verify"'))
      page = await agent.submit(page, 'verify', { code: await lastSmsCode(t.db, 'otp.login_new_device') })
    for (const label of ['Địa chỉ thường trú', 'Số điện thoại di động đã đăng ký', 'Địa chỉ thư điện tử'])
      expect(page.body).toContain(label)
    expect(page.body).toContain('Thông tin nhân thân đã được xác minh')
    const english = await agent.go(`${page.url}?lang=en`)
    for (const label of [
      'Permanent residence address',
      'Registered mobile phone number',
      'Your verified identity',
    ])
      expect(english.body).toContain(label)
  })

  test('addresses the registry writes without a commune, or as one line, still give formatted and region', () => {
    expect(addressClaim('Số 8 Phố Huế, Phường Hàng Bài, Quận Hoàn Kiếm, Hà Nội', '001')).toEqual({
      formatted: 'Số 8 Phố Huế, Phường Hàng Bài, Quận Hoàn Kiếm, Hà Nội',
      street_address: 'Số 8 Phố Huế',
      locality: 'Phường Hàng Bài',
      region: 'Hà Nội',
      country: 'VN',
    })
    expect(addressClaim('Xóm 3, Huyện Hải Hậu, Nam Định', '036')).toEqual({
      formatted: 'Xóm 3, Huyện Hải Hậu, Nam Định',
      street_address: 'Xóm 3, Huyện Hải Hậu',
      region: 'Nam Định',
      country: 'VN',
    })
    expect(addressClaim('Thôn Đông', '038')).toMatchObject({ street_address: 'Thôn Đông', country: 'VN' })
  })
})

const Verified = z.object({
  verification: z.object({
    trust_framework: z.literal('vn_eid'),
    assurance_level: z.enum(['loa1', 'loa2']),
    time: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
    verification_process: z.string(),
    evidence: z.array(z.record(z.string(), z.unknown())).min(1),
  }),
  claims: z.record(z.string(), z.unknown()),
})

describe('verified_claims (OpenID Connect for Identity Assurance 1.0)', () => {
  test('a level-2 account: proofed at the counter with the ID card, face and fingerprints, and the registry', async () => {
    const info = await userinfo(AN, ['openid', 'vn_verified'], 'openid vn_verified')
    const v = Verified.parse(info.verified_claims)
    expect(v.verification).toMatchObject({
      assurance_level: 'loa2',
      time: '2026-11-22T08:30:00Z',
      verification_process: counterDossier,
    })
    expect(v.verification.evidence).toEqual([
      {
        type: 'document',
        check_details: [
          { check_method: 'vpip', time: '2026-11-21T01:10:00Z' },
          { check_method: 'bvp', txn: FACE_CHECK, time: '2026-11-21T01:10:00Z' },
          { check_method: 'bvp', txn: FINGER_CHECK, time: '2026-11-21T01:10:00Z' },
        ],
        time: '2026-11-21T01:10:00Z',
        document_details: {
          type: 'idcard',
          date_of_issuance: '2021-05-20',
          date_of_expiry: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          issuer: { name: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội', country_code: 'VNM' },
        },
      },
      {
        type: 'electronic_record',
        check_details: [{ check_method: 'data', time: '2026-11-22T08:30:00Z' }],
        time: '2026-11-22T08:30:00Z',
        record: {
          type: 'population_register',
          source: { name: 'Cơ sở dữ liệu quốc gia về dân cư', country_code: 'VNM' },
        },
      },
    ])
    expect(v.claims).toEqual({
      name: 'Nguyễn Văn An',
      family_name: 'Nguyễn',
      middle_name: 'Văn',
      given_name: 'An',
      birthdate: '1995-03-15',
      gender: 'male',
      nationalities: ['VN'],
    })
    // Nothing outside verified_claims: the profile claims need their own scope.
    expect(info).not.toHaveProperty('name')
  })

  test('the card number (the personal ID number) is in the document evidence only with the vn_id scope', async () => {
    const info = await userinfo(AN, ['openid', 'vn_id', 'vn_verified'], 'openid vn_id vn_verified')
    const v = Verified.parse(info.verified_claims)
    expect(v.verification.evidence[0]).toMatchObject({ document_details: { document_number: AN } })
    expect(info.vn_id).toBe(AN)
  })

  test('a level-1 account: the registry match and the selfie from the app dossier, no document', async () => {
    const info = await userinfo(BINH, ['openid', 'vn_verified'], 'openid vn_verified')
    const v = Verified.parse(info.verified_claims)
    expect(v.verification).toEqual({
      trust_framework: 'vn_eid',
      assurance_level: 'loa1',
      time: '2026-11-20T02:00:00Z',
      verification_process: appDossier,
      evidence: [
        {
          type: 'electronic_record',
          check_details: [
            { check_method: 'data', time: '2026-11-20T02:00:00Z' },
            { check_method: 'bvr', txn: SELFIE_CHECK, time: '2026-11-20T02:00:00Z' },
          ],
          time: '2026-11-20T02:00:00Z',
          record: {
            type: 'population_register',
            source: { name: 'Cơ sở dữ liệu quốc gia về dân cư', country_code: 'VNM' },
          },
        },
      ],
    })
    expect(v.claims).toMatchObject({ family_name: 'Trần', middle_name: 'Thị', given_name: 'Bình' })
  })

  test('a foreigner: the immigration record, and the name as one claim (the record does not split it)', async () => {
    const info = await userinfo(KIM, ['openid', 'vn_verified'], 'openid vn_verified')
    const v = z
      .object({ verification: z.record(z.string(), z.unknown()), claims: z.record(z.string(), z.unknown()) })
      .parse(info.verified_claims)
    expect(v.verification).toMatchObject({
      assurance_level: 'loa1',
      evidence: [
        {
          type: 'electronic_record',
          check_details: [{ check_method: 'data' }],
          record: { type: 'immigration_register' },
        },
      ],
    })
    // An account with no app dossier on file has no verification_process to point to.
    expect(v.verification).not.toHaveProperty('verification_process')
    expect(v.claims).toEqual({
      name: 'Kim Min Jun',
      birthdate: '1985-07-07',
      gender: 'male',
      nationalities: ['KR'],
    })
  })

  test('discovery announces the trust framework, the evidence and the claims inside verified_claims', async () => {
    const d = z
      .record(z.string(), z.unknown())
      .parse(await (await fetch(`${t.issuer}/.well-known/openid-configuration`)).json())
    expect(d).toMatchObject({
      verified_claims_supported: true,
      trust_frameworks_supported: ['vn_eid'],
      evidence_supported: ['document', 'electronic_record'],
      documents_supported: ['idcard', 'passport'],
      electronic_records_supported: ['population_register', 'immigration_register'],
      claims_in_verified_claims_supported: expect.arrayContaining(['given_name', 'family_name', 'birthdate']),
    })
    expect(d.scopes_supported).toEqual(expect.arrayContaining(['address', 'phone', 'email', 'vn_verified']))
    expect(d.claims_supported).toEqual(
      expect.arrayContaining(['address', 'phone_number', 'email', 'verified_claims']),
    )
  })
})
