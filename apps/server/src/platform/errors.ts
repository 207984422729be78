// One error type with stable codes; the HTTP layer maps it to { code, message } in one place.
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export type ErrorSpec = readonly [status: number, message: string]
export type ErrorFactory = {
  readonly code: string
  readonly status: number
  readonly message: string
  (message?: string, details?: Record<string, unknown>): AppError
}

/** Declares a module's error catalogue: `defineErrors('registry', { NOT_FOUND: [404, 'Person not found'] })`. */
export const defineErrors = <K extends string>(
  namespace: string,
  specs: Record<K, ErrorSpec>,
): Record<K, ErrorFactory> => {
  const out = {} as Record<K, ErrorFactory>
  for (const key of Object.keys(specs) as K[]) {
    const [status, message] = specs[key]
    const code = `${namespace}.${key}`
    const factory = ((msg?: string, details?: Record<string, unknown>) =>
      new AppError(code, status, msg ?? message, details)) as ErrorFactory
    Object.assign(factory, { code, status, message })
    out[key] = factory
  }
  return out
}

/** Throws the error: `fail(REGISTRY.NOT_FOUND)` or `fail(REGISTRY.NOT_FOUND, 'custom')`. */
export const fail = (factory: ErrorFactory, message?: string, details?: Record<string, unknown>): never => {
  throw factory(message, details)
}

export const PLATFORM = defineErrors('platform', {
  VALIDATION: [400, 'The request is invalid'],
  NOT_FOUND: [404, 'Not found'],
  UNAUTHENTICATED: [401, 'Authentication required'],
  FORBIDDEN: [403, 'Not allowed'],
  RATE_LIMITED: [429, 'Too many requests'],
  NOT_READY: [503, 'Service not ready'],
  INTERNAL: [500, 'Internal error'],
})
