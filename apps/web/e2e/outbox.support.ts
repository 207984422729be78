/** The SMS sent to a number, newest first, read from the development outbox as the phone would. */
export const smsTo = async (base: string, recipient: string) => {
  const res = await fetch(`${base}/dev/outbox?recipient=${encodeURIComponent(recipient)}&channel=sms`)
  return ((await res.json()) as { messages: { body: string }[] }).messages
}

/** The newest 6-digit code sent by SMS to the number; throws while none has been sent. */
export const latestSmsCode = async (base: string, recipient: string) => {
  const code = (await smsTo(base, recipient)).map((m) => /\b(\d{6})\b/.exec(m.body)?.[1]).find(Boolean)
  if (code === undefined) throw new Error(`no SMS code sent to ${recipient}`)
  return code
}
