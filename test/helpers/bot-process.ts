import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll } from 'vitest';
import type { FakeTelegramApi } from '../fakes/telegram-api.js';

/** Every bot process a test started: none outlives the test run, even when a test fails. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Spawns `bot/main.ts` as an operator runs it; the child is killed with the test process. */
export function spawnBot(
  env: NodeJS.ProcessEnv,
  stdout: 'ignore' | 'pipe' = 'ignore',
): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    env,
    stdio: ['ignore', stdout, 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Kills whatever bot processes are still running (an afterAll of a test that failed midway). */
export async function killAllBots(): Promise<void> {
  await Promise.all([...children].map((child) => stopBotProcess(child, 'SIGKILL')));
}

// Every test file that starts bot processes ends with none: a test that failed halfway through
// does not leave one running (or holding the test run open).
afterAll(killAllBots);

/**
 * The bot as an operator runs it (`npm start` → bot/main.ts), in a process of its own. Ready once
 * it registered its command menu in the last language with the local Bot API.
 */
export async function startBotProcess(
  api: FakeTelegramApi,
  env: NodeJS.ProcessEnv,
): Promise<ChildProcess> {
  const since = api.calls.length;
  const child = spawnBot(env);
  const ready = () =>
    api.calls
      .slice(since)
      .some((c) => c.method === 'setMyCommands' && c.params.language_code === 'en');
  // Waits on the event (the menu registered), however long a busy machine takes to start Node;
  // the test's own timeout is the bound.
  while (!ready()) {
    if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  // On a port the test chose, also wait for the HTTP server (webhooks) to listen.
  const port = Number(env.HTTP_PORT);
  while (port > 0) {
    if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.text().then(() => true),
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

/** Stops the bot process with a signal and waits until it is gone. */
export async function stopBotProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill(signal);
  await new Promise((r) => child.once('exit', r));
}
