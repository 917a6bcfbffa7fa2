import { spawn, type ChildProcess } from 'node:child_process';
import type { FakeTelegramApi } from '../fakes/telegram-api.js';

/**
 * The bot as an operator runs it (`npm start` → bot/main.ts), in a process of its own. Ready once
 * it registered its command menu in the last language with the local Bot API.
 */
export async function startBotProcess(
  api: FakeTelegramApi,
  env: NodeJS.ProcessEnv,
): Promise<ChildProcess> {
  const since = api.calls.length;
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 20_000;
  const ready = () =>
    api.calls
      .slice(since)
      .some((c) => c.method === 'setMyCommands' && c.params.language_code === 'en');
  while (!ready()) {
    if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('bot did not start');
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
