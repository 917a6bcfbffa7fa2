import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  // The token is part of every Bot API URL; never let a logged error carry it.
  return pino({ level, redact: ['token', '*.token', 'config.TELEGRAM_BOT_TOKEN'] });
}
