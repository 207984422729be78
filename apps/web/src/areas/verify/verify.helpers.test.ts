import { describe, expect, test } from 'vitest'
import { claimRows, vnDate } from './claimRows'
import { classifyQr } from './classifyQr'
import { parseStoredKeys } from './shareKeys'
import { isStale, parseStoredLists } from './statusLists'
import { basicAuthorization } from './verifierClient'

describe('the verifier page sends each kind of code down its own path', () => {
  test('offline, online and printed card codes are told apart; scanner noise is dropped', () => {
    expect(classifyQr('VNO1:6BFOXN*TS0BI$ZD')).toEqual({ kind: 'offline', text: 'VNO1:6BFOXN*TS0BI$ZD' })
    expect(classifyQr('  VNS1:ABCDEFGHIJKLMNOPQRSTUVWXYZ\n')).toEqual({
      kind: 'online',
      text: 'VNS1:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    })
    expect(classifyQr('\uFEFF079095001234||Nguyễn Văn An|07031995|Nam|Q1, TP HCM|01012021\r\n')).toEqual({
      kind: 'card',
      text: '079095001234||Nguyễn Văn An|07031995|Nam|Q1, TP HCM|01012021',
    })
  })

  test('anything else is unknown, including a 9-digit CMND-first text and a URL', () => {
    expect(classifyQr('123456789|Nguyễn Văn An')).toEqual({ kind: 'unknown' })
    expect(classifyQr('https://example.com/VNO1:')).toEqual({ kind: 'unknown' })
    expect(classifyQr('')).toEqual({ kind: 'unknown' })
  })
})

describe('claims as table rows', () => {
  test('a document is flattened, empty values dropped, sex and kinds marked for translation, dates as dates', () => {
    const rows = claimRows({
      full_name: 'Nguyễn Văn An',
      birth_date: '1995-03-07',
      sex: 1,
      nationality: null,
      document: {
        kind: 'driving_licence',
        number: '790219012345',
        valid_to: null,
        data: { licenceClass: 'B' },
      },
    })
    expect(rows).toEqual([
      { path: 'full_name', key: 'full_name', value: { type: 'text', text: 'Nguyễn Văn An' } },
      { path: 'birth_date', key: 'birth_date', value: { type: 'date', text: '1995-03-07' } },
      { path: 'sex', key: 'sex', value: { type: 'term', term: 'male' } },
      { path: 'document.kind', key: 'kind', value: { type: 'term', term: 'driving_licence' } },
      { path: 'document.number', key: 'number', value: { type: 'text', text: '790219012345' } },
      { path: 'document.data.licenceClass', key: 'licenceClass', value: { type: 'text', text: 'B' } },
    ])
    expect(vnDate('1995-03-07')).toBe('07/03/1995')
  })

  test('the card parser’s extra fields become one row, and an empty list none', () => {
    expect(claimRows({ extra: ['a', 'b'] })).toEqual([
      { path: 'extra', key: 'extra', value: { type: 'text', text: 'a · b' } },
    ])
    expect(claimRows({ extra: [] })).toEqual([])
  })
})

describe('the remembered share keys', () => {
  const key = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k1', alg: 'ES256' }

  test('a key set written by the page is read back with its date', () => {
    expect(parseStoredKeys(JSON.stringify({ keys: [key], fetchedAt: '2026-11-23T03:00:00.000Z' }))).toEqual({
      keys: [key],
      fetchedAt: '2026-11-23T03:00:00.000Z',
    })
  })

  test('anything else is ignored rather than trusted: no date, no keys, foreign keys, not JSON', () => {
    expect(parseStoredKeys(null)).toBeNull()
    expect(parseStoredKeys('{')).toBeNull()
    expect(parseStoredKeys(JSON.stringify({ keys: [key] }))).toBeNull()
    expect(parseStoredKeys(JSON.stringify({ keys: [], fetchedAt: '2026-11-23' }))).toBeNull()
    expect(
      parseStoredKeys(JSON.stringify({ keys: [{ ...key, crv: 'P-384' }], fetchedAt: '2026-11-23' })),
    ).toBeNull()
  })
})

test('client id and secret are form-encoded before the Basic header (RFC 6749 §2.3.1)', () => {
  expect(basicAuthorization('a:b', 'p@ss word')).toBe(`Basic ${btoa('a%3Ab:p%40ss%20word')}`)
})

test('remembered status lists serve until they expire, and junk is ignored', () => {
  const row = { listId: 3, uri: 'u', bits: 'AQ', expiresAt: '2026-11-24T00:00:00.000Z', ttlSeconds: 60 }
  const [list] = parseStoredLists(JSON.stringify([row]), new Date('2026-11-23T03:00:00Z'))
  expect(list?.listId).toBe(3)
  expect(Array.from(list?.bits ?? [])).toEqual([1])
  expect(parseStoredLists(JSON.stringify([row]), new Date('2026-11-24T00:00:00Z'))).toEqual([])
  expect(parseStoredLists('not json', new Date())).toEqual([])
  expect(parseStoredLists(JSON.stringify({ listId: 3 }), new Date())).toEqual([])
})

test('a remembered list past its ttl is stale (fetched again online, so a revocation reaches the page)', () => {
  const row = {
    listId: 3,
    uri: 'u',
    bits: 'AQ',
    expiresAt: '2026-11-24T00:00:00.000Z',
    ttlSeconds: 300,
    fetchedAt: '2026-11-23T03:00:00.000Z',
  }
  const at = (iso: string) => new Date(iso)
  const [list] = parseStoredLists(JSON.stringify([row]), at('2026-11-23T03:01:00Z'))
  if (!list) throw new Error('the list was not read')
  expect(isStale(list, at('2026-11-23T03:04:59Z'))).toBe(false)
  expect(isStale(list, at('2026-11-23T03:05:00Z'))).toBe(true)
  // Remembered before the page kept fetchedAt: stale at once.
  const { fetchedAt: _, ...old } = row
  const [legacy] = parseStoredLists(JSON.stringify([old]), at('2026-11-23T03:01:00Z'))
  expect(legacy && isStale(legacy, at('2026-11-23T03:01:00Z'))).toBe(true)
})
