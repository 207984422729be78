import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Caller } from '../accounts/dependents.test-support.js'
import type { OfficerSession } from '../officers/officers.test-support.js'
import { AN, type OidcTest, startOidcTest } from './oidc.test-support.js'
import { approved, asOfficer, DEV, givenOnboarding, ok, QUEUE, submitted } from './onboarding.test-support.js'

let t: OidcTest
let applicant: Caller
let first: OfficerSession
let second: OfficerSession
beforeAll(async () => {
  t = await startOidcTest({ SINGLE_DEVICE_LOGIN: 'false' })
  ;({ applicant, first, second } = await givenOnboarding(t, AN))
}, 180_000)
afterAll(() => t.close())

let n = 0
/** An application with a contact address of its own, so each test reads only its own mail. */
const contact = () => {
  n += 1
  const email = `lien.he.${n}@example.gov.vn`
  return { email, change: { contact: { name: 'Trần Văn Kỹ', email, phone: '0912345678' } } }
}

type Mail = { template: string; subject: string; body: string; channel: string; status: string }
/** What the development inbox holds for an address, oldest first. */
const inbox = async (email: string): Promise<Mail[]> => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/dev/outbox?recipient=${encodeURIComponent(email)}&channel=email`,
  })
  expect(res.statusCode).toBe(200)
  return res.json().messages.reverse()
}

/** Vietnamese first, then English, in one message. */
const expectBilingual = (mail: Mail | undefined, vi: string, en: string) => {
  expect(mail?.channel).toBe('email')
  const body = mail?.body ?? ''
  expect(body).toContain(vi)
  expect(body).toContain(en)
  expect(body.indexOf(vi)).toBeLessThan(body.indexOf(en))
  expect(body.startsWith('Kính gửi Văn phòng UBND tỉnh Thử Nghiệm,')).toBe(true)
}

describe('the organisation is told of each appraisal decision by e-mail, in the decision’s transaction', () => {
  test('an approval: where to collect the credentials, and never a secret', async () => {
    const { email, change } = contact()
    const id = await approved(t, applicant, first, second, change)
    const mails = await inbox(email)
    expect(mails.map((m) => m.template)).toEqual(['oidc.application.approved'])
    expect(mails[0]?.subject).toBe('Hồ sơ kết nối đã được chấp thuận / Connection application approved')
    expectBilingual(mails[0], 'đã được chấp thuận ngày 23/11/2026', 'was approved on 2026-11-23')
    expect(mails[0]?.body).toContain(id)
    expect(mails[0]?.body).toContain(`${t.issuer}/developers`)
    const creds = ok(await applicant('POST', `${DEV}/applications/${id}/credentials`))
    expect(mails[0]?.body).not.toContain(creds.client_secret)
  })

  test('a refusal carries its written reasons in both languages', async () => {
    const { email, change } = contact()
    const id = await submitted(applicant, change)
    const reason = 'Hệ thống chưa đạt cấp độ 3 về an toàn thông tin'
    // A refusal that does not happen tells nobody anything.
    expect((await asOfficer(t, first, 'POST', `${QUEUE}/${id}/refuse`, { reason: 'no' })).statusCode).toBe(
      400,
    )
    expect(await inbox(email)).toEqual([])

    ok(await asOfficer(t, first, 'POST', `${QUEUE}/${id}/refuse`, { reason }))
    const [mail, ...more] = await inbox(email)
    expect(more).toEqual([])
    expect(mail?.template).toBe('oidc.application.refused')
    expectBilingual(mail, `Lý do: ${reason}`, `Reason: ${reason}`)
  })

  test('a suspension and a reinstatement are each told, the suspension with its reason', async () => {
    const { email, change } = contact()
    const id = await approved(t, applicant, first, second, change)
    ok(await asOfficer(t, second, 'POST', `${QUEUE}/${id}/suspend`, { reason: 'Vi phạm thỏa thuận kết nối' }))
    // A second suspension is refused: no second notice.
    expect(
      (await asOfficer(t, second, 'POST', `${QUEUE}/${id}/suspend`, { reason: 'lần nữa' })).statusCode,
    ).toBe(409)
    ok(await asOfficer(t, second, 'POST', `${QUEUE}/${id}/reinstate`, {}))
    const mails = await inbox(email)
    expect(mails.map((m) => m.template)).toEqual([
      'oidc.application.approved',
      'oidc.application.suspended',
      'oidc.application.reinstated',
    ])
    expectBilingual(mails[1], 'Lý do: Vi phạm thỏa thuận kết nối', 'Reason: Vi phạm thỏa thuận kết nối')
    expectBilingual(mails[2], 'đã được khôi phục ngày 23/11/2026', 'was reinstated on 2026-11-23')
    expect(mails[2]?.body).not.toContain('Ghi chú')
  })
})

describe('the appraisal due date follows the legal regime', () => {
  test('30 days from the agreement, moved off National Day (2 Sep) to the next working day (D69 Art 18)', async () => {
    const atSubmission = await submitted(applicant, {
      agreement: { number: '7/2026/TT-C06', signedOn: '2026-08-03' },
    })
    expect(ok(await applicant('GET', `${DEV}/applications/${atSubmission}`)).dueOn).toBe('2026-09-03')

    const later = await submitted(applicant)
    const recorded = ok(
      await asOfficer(t, first, 'POST', `${QUEUE}/${later}/agreement`, {
        number: '8/2026/TT-C06',
        signedOn: '2026-08-03',
      }),
    )
    expect(recorded.dueOn).toBe('2026-09-03')
  })
})
