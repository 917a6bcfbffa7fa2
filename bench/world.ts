// What the benchmarks share: the people and entries they start with, and the bot run as an
// operator runs it (`bot/main.ts` in a process of its own, on webhooks).

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Lang } from '../handlers/protocol.js';
import { freePort } from '../bot/embedded-db.js';
import { EntryModel } from '../models/entry.js';
import { UserModel } from '../models/user.js';

/** `count` Telegram users from id 300,000, a thousand a write; `lang` says each one's language. */
export async function seedRecipients(
  count: number,
  lang: (i: number) => Lang,
  at: Date,
): Promise<void> {
  for (let i = 0; i < count; i += 1000) {
    await UserModel.insertMany(
      Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({
        _id: `telegram:${300_000 + i + k}`,
        platform: 'telegram',
        userId: String(300_000 + i + k),
        lang: lang(i + k),
        createdAt: at,
      })),
    );
  }
}

/** Published entries №1…count in "animals", each with a photo `photo-<n-1>` (written directly:
 * the benchmarks measure voting, not submitting). */
export async function seedPublishedEntries(count: number, prefix: string, at: Date): Promise<void> {
  await EntryModel.insertMany(
    Array.from({ length: count }, (_, i) => ({
      draftKey: `${prefix}-${i}`,
      number: i + 1,
      kind: 'own',
      author: { platform: 'telegram', id: String(10 + i) },
      status: 'published',
      category: 'animals',
      story: 'A good deed worth a vote.',
      city: 'Almaty',
      media: [{ type: 'photo', platform: 'telegram', fileId: `photo-${i}`, uniqueId: `u-${i}` }],
      createdAt: at,
      publishedAt: at,
    })),
  );
}

export interface BotProcess {
  child: ChildProcess;
  port: number;
}

/**
 * Starts `bot/main.ts` on webhooks with `env` on top of what every benchmark sets, killed with
 * the benchmark; `profileDir` takes a CPU profile of it. Ready once its HTTP server answers.
 */
export async function startWebhookBot(
  env: Record<string, string>,
  profileDir?: string,
): Promise<BotProcess> {
  const port = await freePort();
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'bot/main.ts'], {
    env: {
      ...process.env,
      LOG_LEVEL: 'error',
      VOTER_HASH_SECRET: 'bench-secret-of-enough-length-for-votes',
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.kz/telegram',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.on('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  const answers = () =>
    fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
  while (!(await answers())) {
    if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, port };
}

/** The most memory a process has held, in MiB (Linux), or null once it is gone. */
export function peakRssMb(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) / 1024;
  } catch {
    return null;
  }
}
