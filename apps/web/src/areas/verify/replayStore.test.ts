import { afterEach, describe, expect, test, vi } from 'vitest'
import { replayNote, replayStoreFor } from './replayStore'

const until = new Date('2026-12-02T10:01:01Z')
const now = new Date('2026-12-02T10:00:05Z')
const bank = { clientId: 'bank', secret: 's3cret', authMethod: 'client_secret_basic' as const }

/** The provider and the verifier API as the page reaches them; `seen` answers the shared store's POSTs. */
const server = (seen: () => Response) => {
  const posted: unknown[] = []
  vi.stubGlobal('fetch', async (url: string, init?: { body?: string }) => {
    if (url === '/.well-known/openid-configuration') return Response.json({ token_endpoint: '/oidc/token' })
    if (url === '/oidc/token') return Response.json({ access_token: 'tok', expires_in: 600 })
    posted.push(JSON.parse(init?.body ?? 'null'))
    return seen()
  })
  return posted
}
afterEach(() => vi.unstubAllGlobals())

describe('the verifier page chooses its replay store', () => {
  test('without verifier credentials: this device only, and the page says so', async () => {
    const { seen, used } = replayStoreFor(null)
    expect(await seen.firstSeen('k-device', until, now)).toBe(true)
    expect(await seen.firstSeen('k-device', until, now)).toBe(false)
    expect(replayNote(used)).toBe('deviceOnly')
  })

  test("with them: the verifier's shared store decides, sent a digest and the QR's end", async () => {
    const posted = server(() => Response.json({ status: 'replay', expiresAt: until.toISOString() }))
    const { seen, used } = replayStoreFor(bank)
    expect(await seen.firstSeen('k-shared', until, now)).toBe(false)
    expect(replayNote(used)).toBe('shared')
    expect(posted).toEqual([
      { presentation: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), until: until.toISOString() },
    ])
  })

  test('the server unreachable: the device answers, and the page says why', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch')
    })
    const { seen, used } = replayStoreFor(bank)
    expect(await seen.firstSeen('k-offline', until, now)).toBe(true)
    expect(used).toMatchObject({ store: 'device', shared: true, sharedError: 'Failed to fetch' })
    expect(replayNote(used)).toBe('unreachable')
  })
})
