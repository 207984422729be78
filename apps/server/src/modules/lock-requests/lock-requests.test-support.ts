import { expect } from 'vitest'
import type { TestContext } from '../../test/harness.js'

export type Headers = Record<string, string>
export const BASE = '/api/v1/counter/lock-requests'

export const call = (
  t: TestContext,
  headers: Headers,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) })

/** The written request of an investigating police agency, as the receiving officer types it. */
export const letter = (personalId: string, kind: 'lock' | 'unlock' = 'lock') => ({
  personalId,
  kind,
  ground: kind === 'lock' ? 'lid_34_1_e' : 'authority_unlock',
  authority: {
    name: 'Cơ quan Cảnh sát điều tra, Công an thành phố Hà Nội',
    documentNumber: kind === 'lock' ? '123/CSĐT-PC02' : '456/CSĐT-PC02',
    documentDate: '2026-11-20',
  },
  note: 'Phục vụ điều tra vụ án',
})

/** Recorded at the counter, then forwarded by the receiving unit: what the deciding officer sees. */
export const givenForwarded = async (t: TestContext, counter: Headers, body: object) => {
  const recorded = await call(t, counter, 'POST', BASE, body)
  expect(recorded.statusCode, recorded.body).toBe(201)
  const id: string = recorded.json().id
  const forwarded = await call(t, counter, 'POST', `${BASE}/${id}/forward`)
  expect(forwarded.statusCode, forwarded.body).toBe(200)
  return forwarded.json()
}

export const accountStatus = async (t: TestContext, subjectId: string) =>
  (
    await t.db
      .selectFrom('accounts_account')
      .select('status')
      .where('subject_id', '=', subjectId)
      .executeTakeFirstOrThrow()
  ).status
