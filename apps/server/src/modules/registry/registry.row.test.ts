import { describe, expect, test } from 'vitest'
import { recordHash, recordToRow } from './registry.record.js'
import { parseRow } from './registry.row.js'
import { generatePopulation } from './registry.synthetic.js'
import { AS_OF } from './registry.test-support.js'

const [batch] = generatePopulation({ count: 5, seed: 'row-rules', asOf: AS_OF })
const person = batch?.citizens[0] ?? expect.fail('no person generated')

describe('an imported row', () => {
  test('a generated person reads back as the same record with the same hash', () => {
    const parsed = parseRow(recordToRow(person), AS_OF)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(recordHash(parsed.record)).toBe(recordHash(person))
  })

  test('a control character in any text is refused: it is never data and would blur the row hash', () => {
    for (const bad of ['Nguyễn\u001fVăn', 'Số 1\u0000', 'a\u007fb']) {
      const parsed = parseRow({ ...recordToRow(person), permanent_address: bad }, AS_OF)
      expect(parsed).toMatchObject({ ok: false, code: 'registry.INVALID_ROW' })
      if (!parsed.ok) expect(parsed.message).toContain('permanent_address: contains a control character')
    }
  })

  test('any change to a field changes the row hash', () => {
    const row = recordToRow(person)
    const base = recordHash(person)
    for (const [field, value] of [
      ['temporary_address', 'Số 2 Lê Lợi'],
      ['religion', 'Phật giáo'],
      ['household_relation', 'child'],
    ] as const) {
      const parsed = parseRow({ ...row, [field]: value }, AS_OF)
      if (!parsed.ok) throw new Error(parsed.message)
      expect(recordHash(parsed.record)).not.toBe(base)
    }
  })
})
