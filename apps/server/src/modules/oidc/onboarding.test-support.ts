import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import type { TestContext } from '../../test/harness.js'
import { type Caller, loggedIn } from '../accounts/dependents.test-support.js'
import { type OfficerSession, officerSession } from '../officers/officers.test-support.js'
import { CALLBACK } from './oidc.test-support.js'

export const DEV = '/api/v1/developers'
export const QUEUE = '/api/v1/officer/relying-parties/applications'

/** A complete application of a provincial public-service portal, as the console sends it. */
export const anApplication = (change: Record<string, unknown> = {}) => ({
  organisation: { name: 'Văn phòng UBND tỉnh Thử Nghiệm', code: '0101234567' },
  contact: { name: 'Trần Văn Kỹ', email: 'ky.tran@example.gov.vn', phone: '0912345678' },
  service: { name: 'Cổng Dịch vụ công tỉnh Thử Nghiệm', purpose: 'Xác định người nộp hồ sơ trực tuyến' },
  scopes: ['openid', 'profile'],
  minLevel: 1,
  securityLevel: 3,
  redirectUris: [CALLBACK],
  ...change,
})

/** The citizen console's caller (session cookies and CSRF) and two appraisers of the management agency. */
export const givenOnboarding = async (t: TestContext, applicantId: string) => {
  const applicant = await loggedIn(t, applicantId)
  const first = await officerSession(t, { roles: ['approver'], unitCode: 'C06' })
  const second = await officerSession(t, { roles: ['approver'], unitCode: 'C06' })
  return { applicant, first, second }
}

/** An officer's call through HTTP, with the session and CSRF headers. */
export const asOfficer = (
  t: TestContext,
  o: OfficerSession,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
) => t.app.inject({ method, url, headers: o.headers, ...(payload ? { payload } : {}) })

export const ok = (res: LightMyRequestResponse, status = 200) => {
  expect(res.statusCode, res.body).toBe(status)
  return res.json()
}

/** Submits an application and returns its id. */
export const submitted = async (applicant: Caller, change: Record<string, unknown> = {}): Promise<string> =>
  ok(await applicant('POST', `${DEV}/applications`, anApplication(change)), 201).id

/** Submitted, agreement recorded by `recorder`, approved by `approver`: the application's id. */
export const approved = async (
  t: TestContext,
  applicant: Caller,
  recorder: OfficerSession,
  approver: OfficerSession,
  change: Record<string, unknown> = {},
) => {
  const id = await submitted(applicant, change)
  ok(
    await asOfficer(t, recorder, 'POST', `${QUEUE}/${id}/agreement`, {
      number: '15/2026/TT-C06',
      signedOn: '2026-11-20',
    }),
  )
  ok(await asOfficer(t, approver, 'POST', `${QUEUE}/${id}/approve`))
  return id
}
