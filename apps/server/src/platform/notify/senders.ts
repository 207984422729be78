import type { Config } from '../config.js'
import { httpSmsSender } from './http-sms.sender.js'
import { devSender, type Senders } from './sender.js'
import { smtpSender } from './smtp.sender.js'

/** The senders the configuration asks for (loadConfig already required their URLs). */
export const sendersFromConfig = (config: Config): Senders => ({
  sms:
    config.NOTIFY_SMS === 'http' && config.SMS_GATEWAY_URL
      ? httpSmsSender(config.SMS_GATEWAY_URL, config.SMS_GATEWAY_TOKEN ?? '')
      : devSender,
  email:
    config.NOTIFY_EMAIL === 'smtp' && config.SMTP_URL
      ? smtpSender(config.SMTP_URL, config.MAIL_FROM)
      : devSender,
})
