import { pino, type Logger } from 'pino';

export type { Logger };

// Logs are read by people who must not see a token: a Bot API URL holds the bot's token, a
// grammY error holds the context of its update (the person's message), a VK error the request's
// parameters. So an error is logged as its kind, message, code and stack only, and every line is
// scrubbed of the configured secrets by value, however deep they were nested.

const REDACTED = '[redacted]';

interface SerializedError {
  type: string;
  message: string;
  code?: string | number;
  stack?: string;
  cause?: SerializedError;
}

function serializeError(error: unknown, depth = 0): SerializedError | string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: unknown }).cause;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
    ...(cause !== undefined && depth < 3
      ? { cause: serializeError(cause, depth + 1) as SerializedError }
      : {}),
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces every secret (as written, or URL-encoded as in a request line) in a log line. */
export function scrubber(secrets: (string | undefined)[]): (line: string) => string {
  const forms = secrets
    .filter((s): s is string => Boolean(s) && s!.length >= 8)
    .flatMap((s) => [s, encodeURIComponent(s)])
    .sort((a, b) => b.length - a.length);
  if (!forms.length) return (line) => line;
  const pattern = new RegExp([...new Set(forms)].map(escapeRegExp).join('|'), 'g');
  return (line) => line.replace(pattern, REDACTED);
}

export function createLogger(
  level: string,
  secrets: (string | undefined)[] = [],
  destination?: pino.DestinationStream,
): Logger {
  const scrub = scrubber(secrets);
  return pino(
    {
      level,
      redact: { paths: ['token', '*.token', 'config', '*.config'], censor: REDACTED },
      serializers: { err: serializeError, error: serializeError },
      hooks: { streamWrite: scrub },
    },
    destination,
  );
}
