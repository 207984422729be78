import { expect } from 'vitest'
import type { TestContext } from '../../test/harness.js'

export type Headers = Record<string, string>
export const REPORTS_BASE = '/api/v1/reports'

/** GET a report; a 200 is expected unless the test says otherwise. */
export const report = async (t: TestContext, headers: Headers, path: string, status = 200) => {
  const res = await t.app.inject({ method: 'GET', url: `${REPORTS_BASE}${path}`, headers })
  expect(res.statusCode, res.body).toBe(status)
  return res.json()
}

type UnitCounts = { unit: { code: string } }

/** A per-unit report as `{ unitCode: row }`, for comparing whole answers at once. */
export const byUnit = <T extends UnitCounts>(units: T[]): Record<string, T> =>
  Object.fromEntries(units.map((u) => [u.unit.code, u]))
