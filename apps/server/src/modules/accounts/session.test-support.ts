import type { FastifyInstance } from 'fastify'

/** A browser for in-process HTTP tests: keeps the cookies the server sets and sends them back. */
export const testBrowser = (app: FastifyInstance, headers: Record<string, string> = {}) => {
  const jar: Record<string, string> = {}
  const call = async (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: object,
    extra: Record<string, string> = {},
  ) => {
    const res = await app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      cookies: jar,
      headers: { ...headers, ...extra },
    })
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now() - 60_000)) delete jar[c.name]
      else jar[c.name] = c.value
    }
    return res
  }
  return { jar, call, csrf: () => ({ 'x-csrf-token': jar.dd_csrf ?? '' }) }
}
export type TestBrowser = ReturnType<typeof testBrowser>
