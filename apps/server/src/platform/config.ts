import { z } from 'zod'

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  // The OpenID provider's issuer when it is not the public URL (an origin: discovery lives at its root).
  OIDC_ISSUER: z
    .url()
    .refine(
      (v) => URL.canParse(v) && new URL(v).pathname === '/' && !/[?#]/.test(v),
      'must be an origin, without a path or query',
    )
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  POLICY_PROFILE: z.enum(['decree-69-2024', 'decree-59-2022']).default('decree-69-2024'),
  KEK: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 bytes in base64url (43 characters)')
    .optional(),
  KEK_FILE: z.string().min(1).optional(),
  // Demo people, officers with published TOTP secrets and relying parties with published secrets: on by
  // default outside production, refused in production (loadConfig).
  DEMO_SEED: bool.optional(),
  // A sandbox deployment: developers register test clients at once (no appraisal); by default on with DEMO_SEED outside production.
  OIDC_SANDBOX: bool.optional(),
  DEMO_POPULATION: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  NOTIFY_SMS: z.enum(['dev', 'http']).default('dev'),
  NOTIFY_EMAIL: z.enum(['dev', 'smtp']).default('dev'),
  SMS_GATEWAY_URL: z.url().optional(),
  SMS_GATEWAY_TOKEN: z.string().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().default('dinhdanh <no-reply@dinhdanh.local>'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  // Server processes (node:cluster) sharing the port; more than one needs a PostgreSQL server.
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  // JSON overriding the biometric thresholds per use (modules/biometrics/biometrics.policy.ts checks its shape).
  BIOMETRIC_POLICY: z
    .string()
    .transform((v, ctx) => {
      try {
        return JSON.parse(v) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object' })
        return z.NEVER
      }
    })
    .optional(),
  // The app's one-device-at-a-time rule: a login ends the holder's sessions on other devices.
  SINGLE_DEVICE_LOGIN: bool.default(true),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  // Passkeys: the relying-party ID (a domain, never an IP address) and the origins allowed to use it;
  // by default the public URL's host and origin.
  WEBAUTHN_RP_ID: z.string().min(1).optional(),
  WEBAUTHN_ORIGINS: z
    .string()
    .transform((v) => v.split(',').map((o) => o.trim().replace(/\/$/, '')))
    .optional(),
  // Whether a phone is an own-name subscription (D69 Art 10): the sandbox carrier, or no check at all.
  PHONE_OWNERSHIP: z.enum(['sandbox', 'off']).default('sandbox'),
  // A carrier that has not answered by then is unavailable: the dossier waits and is checked again.
  PHONE_OWNERSHIP_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(3000),
  PHONE_OWNERSHIP_SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  PHONE_OWNERSHIP_SANDBOX_OUTAGE: bool.default(false),
  // Worker threads for face inference; 0 means the engine default (2).
  FACE_THREADS: z.coerce.number().int().min(0).max(32).default(0),
  // How long one face inference may take, the worker's first model load included, before FACE_ENGINE_ABORTED.
  FACE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(15_000),
  // Per verifier (client) and minute: printed-card QR checks, and failed share redemptions (enumeration).
  VERIFIER_CARD_CHECKS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  VERIFIER_REDEEM_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
})

export type Config = Readonly<Omit<z.infer<typeof Env>, 'DEMO_SEED'>> & {
  readonly DEMO_SEED: boolean
  readonly publicUrl: string
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** Parses the environment once; throws a ConfigError naming each bad variable. */
export const loadConfig = (env: Record<string, string | undefined> = process.env): Config => {
  // Empty strings mean "unset", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = Env.safeParse(cleaned)
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))
  }
  const c = parsed.data
  const issues: string[] = []
  if (c.NOTIFY_SMS === 'http' && !c.SMS_GATEWAY_URL)
    issues.push('SMS_GATEWAY_URL: required when NOTIFY_SMS=http')
  if (c.NOTIFY_EMAIL === 'smtp' && !c.SMTP_URL) issues.push('SMTP_URL: required when NOTIFY_EMAIL=smtp')
  // The sandbox carrier only knows the demo subscriptions: in production it would reject every applicant.
  if (c.NODE_ENV === 'production' && c.PHONE_OWNERSHIP === 'sandbox')
    issues.push('PHONE_OWNERSHIP: the sandbox carrier is for development; choose a carrier connector or off')
  if (c.NODE_ENV === 'production' && !c.KEK && !c.KEK_FILE)
    issues.push('KEK: a key-encryption key (KEK or KEK_FILE) is required in production')
  // Published credentials (demo officers' TOTP secrets, demo relying parties' secrets) must never reach production.
  if (c.NODE_ENV === 'production' && c.DEMO_SEED)
    issues.push(
      'DEMO_SEED: demo data with published credentials is refused in production; unset DEMO_SEED or set it to false',
    )
  // PGlite is one process's database (its data directory is locked to the process that opened it).
  if (c.WORKERS > 1 && !c.DATABASE_URL)
    issues.push('WORKERS: more than one server process needs a PostgreSQL server (DATABASE_URL)')
  if (issues.length) throw new ConfigError(issues)
  // A loopback or any-address listener is reached as localhost: browsers treat it as a secure context and
  // accept it as a passkey relying-party ID, which an IP address is not.
  const host = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(c.HOST) ? 'localhost' : c.HOST
  const publicUrl = (c.PUBLIC_URL ?? `http://${host}:${c.PORT}`).replace(/\/$/, '')
  return Object.freeze({ ...c, DEMO_SEED: c.DEMO_SEED ?? c.NODE_ENV !== 'production', publicUrl })
}
