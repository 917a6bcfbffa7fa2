import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { testDatabaseUri } from './harness.js';

// `npm start` with no platform token, driven as a person at the keyboard drives it: type a line,
// wait for the prompt that says it was handled, read what was printed, press a button by the
// number printed beside its label.

const PROMPT = /(^|\n)> /g;

export function terminalEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    TELEGRAM_BOT_TOKEN: '',
    VK_TOKEN: '',
    DEMO: '0',
    MONGODB_URI: testDatabaseUri(),
    CAMPAIGN_FILE: 'test/fixtures/campaign-open-now.json',
    LANG: 'en_US.UTF-8',
    LOG_LEVEL: 'warn',
  };
  // A variable given as undefined is taken away (no MONGODB_URI at all, say).
  return Object.fromEntries(Object.entries({ ...base, ...env }).filter(([, v]) => v !== undefined));
}

export class TerminalSession {
  private out = '';
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiters = new Set<() => void>();
  private typed = 0;
  /** Where the answer to the last line begins in the output. */
  private mark = 0;

  constructor(env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
      env: terminalEnv(env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const take = (chunk: Buffer) => {
      this.out += chunk.toString();
      for (const wake of this.waiters) wake();
    };
    this.child.stdout.on('data', take);
    this.child.stderr.on('data', take);
    this.child.once('exit', () => {
      for (const wake of this.waiters) wake();
    });
  }

  /** Everything printed so far. */
  get output(): string {
    return this.out;
  }

  /** What was printed in answer to the last line typed (or since the start). */
  get last(): string {
    return this.out.slice(this.mark);
  }

  /** Resolves once `done` holds for the output; fails if the process ends first. */
  private async until(done: () => boolean, what: string): Promise<void> {
    while (!done()) {
      if (this.child.exitCode !== null)
        throw new Error(`the bot exited (${this.child.exitCode}) before ${what}:\n${this.out}`);
      await new Promise<void>((wake) => {
        const once = () => {
          this.waiters.delete(once);
          wake();
        };
        this.waiters.add(once);
      });
    }
  }

  private prompts(): number {
    return this.out.match(PROMPT)?.length ?? 0;
  }

  /** Waits for the first prompt: the bot started and greeted. */
  async started(): Promise<string> {
    await this.until(() => this.prompts() >= 1, 'its first prompt');
    return this.out;
  }

  /** Types a line and waits until the bot has handled it; returns what it printed for it. */
  async type(line: string): Promise<string> {
    await this.started();
    this.typed += 1;
    this.mark = this.out.length;
    this.child.stdin.write(`${line}\n`);
    await this.until(() => this.prompts() >= this.typed + 1, `answering "${line}"`);
    return this.last;
  }

  /** The number printed beside the latest button with this label. */
  buttonNumber(label: string): string {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const all = [...this.out.matchAll(new RegExp(`\\[(\\d+)\\] ${escaped}(?:\\n|$)`, 'g'))];
    const found = all.at(-1)?.[1];
    if (!found) throw new Error(`no button "${label}" was shown:\n${this.out}`);
    return found;
  }

  /** Presses the latest button with this label. */
  async press(label: string): Promise<string> {
    return this.type(this.buttonNumber(label));
  }

  /** Ends the input (Ctrl+D) and waits for the process to exit. */
  async close(): Promise<number | null> {
    this.child.stdin.end();
    if (this.child.exitCode === null) await new Promise((r) => this.child.once('exit', r));
    return this.child.exitCode;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
