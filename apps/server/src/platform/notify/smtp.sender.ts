import nodemailer from 'nodemailer'
import type { Sender, SendResult } from './sender.js'

const smtpCode = (e: unknown): number | undefined =>
  typeof e === 'object' && e !== null && 'responseCode' in e && typeof e.responseCode === 'number'
    ? e.responseCode
    : undefined

/** Email through an SMTP relay (smtp:// or smtps:// URL). SMTP 5xx replies are permanent, the rest retried. */
export const smtpSender = (url: string, from: string): Sender => {
  const transport = nodemailer.createTransport(url)
  return {
    send: async (msg): Promise<SendResult> => {
      try {
        await transport.sendMail({ from, to: msg.recipient, subject: msg.subject ?? '', text: msg.body })
        return { ok: true }
      } catch (e) {
        const code = smtpCode(e)
        return {
          ok: false,
          permanent: code !== undefined && code >= 500,
          error: e instanceof Error ? e.message : String(e),
        }
      }
    },
    close: () => transport.close(),
  }
}
