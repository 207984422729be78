import type { Sender, SendResult } from './sender.js'

export type HttpSmsOptions = { timeoutMs?: number }

// 408 and 429 mean "try later", not "never".
const RETRYABLE_4XX = new Set([408, 429])

/**
 * An SMS gateway over HTTP: POST {to, text} as JSON with a bearer token.
 * 2xx is sent, other 4xx a permanent failure, 5xx and network errors are retried.
 */
export const httpSmsSender = (url: string, token: string, opts: HttpSmsOptions = {}): Sender => ({
  send: async (msg): Promise<SendResult> => {
    let res: Response
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ to: msg.recipient, text: msg.body }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      })
    } catch (e) {
      return {
        ok: false,
        permanent: false,
        error: `gateway unreachable: ${e instanceof Error ? e.message : String(e)}`,
      }
    }
    const detail = (await res.text().catch(() => '')).slice(0, 200)
    if (res.ok) return { ok: true }
    const permanent = res.status >= 400 && res.status < 500 && !RETRYABLE_4XX.has(res.status)
    return { ok: false, permanent, error: `gateway answered ${res.status}${detail ? `: ${detail}` : ''}` }
  },
})
