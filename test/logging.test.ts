import { describe, expect, it } from 'vitest';
import { createLogger } from '../bot/logger.js';

// Logs are read by people who must not see a secret: a token hidden in an error's context, in a
// request's URL (encoded), or in a payload is cut out by value; an error is logged as what it is.

const TOKEN = '123456:AAbbCCddEEffGGhhIIjjKKllMMnnOO';
const WEBHOOK_SECRET = 'a-webhook-secret-0123456789';

function capture(level = 'info') {
  const lines: string[] = [];
  const log = createLogger(level, [TOKEN, WEBHOOK_SECRET, undefined], {
    write: (line: string) => void lines.push(line),
  });
  return { log, lines };
}

describe('logs', () => {
  it('never carry a secret, however deep it is nested or however it is encoded', () => {
    const { log, lines } = capture();
    const error = Object.assign(
      new Error(`request to /bot${encodeURIComponent(TOKEN)}/getMe failed`),
      {
        ctx: { api: { token: TOKEN }, update: { message: { text: 'my story' } } },
        payload: { secret_token: WEBHOOK_SECRET },
        cause: new Error(`retry of https://api.telegram.org/bot${TOKEN}/sendMessage`),
      },
    );
    log.error(
      { err: error, url: `https://x/bot${TOKEN}/file`, nested: { deep: [WEBHOOK_SECRET] } },
      'failed',
    );
    const out = lines.join('');
    expect(out).toContain('failed');
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(encodeURIComponent(TOKEN));
    expect(out).not.toContain(WEBHOOK_SECRET);
    expect(out).toContain('[redacted]');
  });

  it('log an error as its kind, message, code and stack, not its context (the person’s message)', () => {
    const { log, lines } = capture();
    const error = Object.assign(new Error('handler failed'), {
      code: 'E_HANDLER',
      ctx: { update: { message: { text: 'the story of my good deed' } } },
    });
    log.error({ err: error }, 'update failed');
    const logged = JSON.parse(lines[0]!) as { err: Record<string, unknown> };
    expect(logged.err).toMatchObject({
      type: 'Error',
      message: 'handler failed',
      code: 'E_HANDLER',
    });
    expect(lines[0]).not.toContain('the story of my good deed');
  });
});
