import { describe, expect, test } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

const issuesOf = (env: Record<string, string>) => {
  try {
    loadConfig(env)
  } catch (e) {
    if (e instanceof ConfigError) return e.issues
    throw e
  }
  return []
}

describe('configuration is parsed once and refuses bad values', () => {
  test('defaults give an embedded database under ./data on port 3000', () => {
    const c = loadConfig({})
    expect(c.PORT).toBe(3000)
    expect(c.DATA_DIR).toBe('./data')
    expect(c.DATABASE_URL).toBeUndefined()
    expect(c.POLICY_PROFILE).toBe('decree-69-2024')
    expect(c.publicUrl).toBe('http://localhost:3000')
  })

  test('a loopback listener is published as localhost, a passkey relying-party ID (an IP never is)', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl).toBe('http://localhost:8080')
    expect(loadConfig({ HOST: 'eid.example.vn' }).publicUrl).toBe('http://eid.example.vn:3000')
    expect(loadConfig({ PUBLIC_URL: 'https://eid.gov.vn/' }).publicUrl).toBe('https://eid.gov.vn')
    expect(loadConfig({ WEBAUTHN_ORIGINS: 'https://a.vn/, https://b.vn' }).WEBAUTHN_ORIGINS).toEqual([
      'https://a.vn',
      'https://b.vn',
    ])
  })

  test('a bad variable is named in the error', () => {
    expect(issuesOf({ PORT: 'eighty' })[0]).toMatch(/^PORT:/)
    expect(issuesOf({ DATABASE_URL: 'mysql://x' })[0]).toMatch(/^DATABASE_URL: must be a postgres/)
    expect(issuesOf({ POLICY_PROFILE: 'decree-1' })[0]).toMatch(/^POLICY_PROFILE:/)
    expect(issuesOf({ KEK: 'short' })[0]).toMatch(/^KEK:/)
  })

  test('every bad variable is reported at once', () => {
    expect(issuesOf({ PORT: '-1', LOG_LEVEL: 'loud' })).toHaveLength(2)
  })

  test('production refuses the sandbox carrier, which knows only the demo subscriptions', () => {
    expect(issuesOf({ NODE_ENV: 'production', KEK: 'x'.repeat(43) })).toEqual([
      expect.stringMatching(/^PHONE_OWNERSHIP: the sandbox carrier is for development/),
    ])
    expect(issuesOf({ NODE_ENV: 'production', KEK: 'x'.repeat(43), PHONE_OWNERSHIP: 'off' })).toEqual([])
  })

  test('demo data is seeded by default outside production only', () => {
    expect(loadConfig({}).DEMO_SEED).toBe(true)
    expect(loadConfig({ NODE_ENV: 'test' }).DEMO_SEED).toBe(true)
    expect(loadConfig({ DEMO_SEED: 'false' }).DEMO_SEED).toBe(false)
    expect(
      loadConfig({ NODE_ENV: 'production', KEK: 'x'.repeat(43), PHONE_OWNERSHIP: 'off' }).DEMO_SEED,
    ).toBe(false)
  })

  test("production refuses DEMO_SEED, which would publish demo officers' and relying parties' secrets", () => {
    const prod = { NODE_ENV: 'production', KEK: 'x'.repeat(43), PHONE_OWNERSHIP: 'off' }
    for (const on of ['true', '1'])
      expect(issuesOf({ ...prod, DEMO_SEED: on })).toEqual([
        'DEMO_SEED: demo data with published credentials is refused in production; unset DEMO_SEED or set it to false',
      ])
    expect(issuesOf({ ...prod, DEMO_SEED: 'false' })).toEqual([])
  })

  test('production refuses to start without a key-encryption key', () => {
    expect(issuesOf({ NODE_ENV: 'production', PHONE_OWNERSHIP: 'off' })[0]).toMatch(/^KEK:/)
  })

  test('a chosen sender requires its settings', () => {
    expect(issuesOf({ NOTIFY_SMS: 'http' })[0]).toMatch(/^SMS_GATEWAY_URL:/)
    expect(issuesOf({ NOTIFY_EMAIL: 'smtp' })[0]).toMatch(/^SMTP_URL:/)
  })

  test('an empty variable counts as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
  })

  test('the result cannot be changed after start', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true)
  })
})
