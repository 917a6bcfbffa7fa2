import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { downloadUrl } from '../bot/media-library.js';
import { RateLimiter, type SharedCounts } from '../handlers/rate-limit.js';
import { cleanText } from '../handlers/text.js';

const alice = { platform: 'telegram' as const, id: '1' };

/** The database's count, as two processes share it. */
function sharedStore(): SharedCounts & { calls: number } {
  const counts = new Map<string, number>();
  return {
    calls: 0,
    async add(person, window, n) {
      this.calls += 1;
      const key = `${person.platform}:${person.id}:${window}`;
      counts.set(key, (counts.get(key) ?? 0) + n);
      return counts.get(key)!;
    },
  };
}

describe('the rate limiter', () => {
  it('slows a person down past the limit, and says so once a window', async () => {
    const limiter = new RateLimiter(3, 10_000);
    const verdicts = [];
    for (let i = 0; i < 6; i += 1) verdicts.push(await limiter.check(alice));
    expect(verdicts).toEqual([
      'allow',
      'allow',
      'allow',
      'refuse',
      'refuse-quietly',
      'refuse-quietly',
    ]);
  });

  it('holds the limit across two processes, asking the database only past the first actions', async () => {
    const shared = sharedStore();
    const [a, b] = [new RateLimiter(15, 10_000, shared), new RateLimiter(15, 10_000, shared)];
    let allowed = 0;
    for (let i = 0; i < 60; i += 1)
      if ((await (i % 2 ? a : b).check(alice)) === 'allow') allowed += 1;
    // Each process lets two through before asking: at most 15 + 2 × 2.
    expect(allowed).toBeGreaterThanOrEqual(15);
    expect(allowed).toBeLessThanOrEqual(19);
    // Someone pressing once or twice never costs a database write.
    const quiet = { platform: 'vk' as const, id: '2' };
    const before = shared.calls;
    await a.check(quiet);
    await a.check(quiet);
    expect(shared.calls).toBe(before);
  });

  it('remembers a bounded number of people, forgetting the least recent', async () => {
    const limiter = new RateLimiter(1, 10_000, undefined, 3, 2);
    const person = (id: string) => ({ platform: 'telegram' as const, id });
    expect(await limiter.check(person('1'))).toBe('allow');
    expect(await limiter.check(person('1'))).toBe('refuse');
    await limiter.check(person('2'));
    await limiter.check(person('3')); // the third pushes the first out
    expect(await limiter.check(person('1'))).toBe('allow');
  });
});

describe('text people type', () => {
  it('loses invisible format characters, keeping what makes emoji whole', () => {
    expect(cleanText('a\u200Bb\u202Egnp.exe\uFEFF')).toBe('abgnp.exe');
    expect(
      cleanText(
        '👩\u200D👩\u200D👧 and a flag 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
      ),
    ).toBe(
      '👩\u200D👩\u200D👧 and a flag 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
    );
    expect(cleanText('line\nnext\ttab\u0007')).toBe('line\nnext\ttab');
  });
});

describe('downloads', () => {
  it('stop at the limit as the bytes stream in, even when no length is declared', async () => {
    let written = 0;
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'video/mp4' });
      // An endless body: a download that read everything before checking would never end.
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        written += 64 * 1024;
        res.write(Buffer.alloc(64 * 1024));
      }, 1);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await expect(downloadUrl(`http://127.0.0.1:${port}/video`, 1024 * 1024)).rejects.toThrow(
      /over 1048576 bytes/,
    );
    expect(written).toBeLessThan(64 * 1024 * 1024);
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
});
