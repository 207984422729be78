import { z } from 'zod'

export const KNOWN_SCOPES = [
  'openid',
  'profile',
  'vn_id',
  'offline_access',
  'address',
  'phone',
  'email',
  'vn_verified',
] as const
export type KnownScope = (typeof KNOWN_SCOPES)[number]
export const DEFAULT_SCOPES: KnownScope[] = ['openid', 'profile', 'offline_access']
export const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

// https everywhere; plain http only to the developer's own machine.
export const RedirectUri = z.string().refine((v) => {
  if (!URL.canParse(v)) return false
  const u = new URL(v)
  if (u.hash || v.includes('#')) return false
  return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname))
})

export const ClientName = z.string().trim().min(1).max(200)
export const Purpose = z.string().trim().max(500)
export const Scopes = z
  .array(z.enum(KNOWN_SCOPES))
  .min(1)
  .refine((s) => s.includes('openid'))
  .transform((s) => [...new Set(s)])
export const MinLevel = z.union([z.literal(1), z.literal(2)])
export const Sector = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/)
export const AuthMethod = z.enum(AUTH_METHODS)

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv']

// Public signing keys only: a private member in a client's key set means the key leaked when it was sent.
export const ClientJwksInput = z.object({
  keys: z
    .array(
      z
        .object({ kty: z.enum(['EC', 'RSA', 'OKP']), use: z.literal('sig').optional() })
        .catchall(z.unknown())
        .refine((k) => PRIVATE_MEMBERS.every((m) => !(m in k))),
    )
    .min(1)
    .max(10),
})
