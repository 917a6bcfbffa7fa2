import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDatabaseUri } from '../helpers/harness.js';
import { STORY } from '../helpers/flows.js';

// With no platform token, `npm start` opens the same conversations in the terminal: a person
// types, numbers press buttons, "photo PATH" sends a picture. Driven here through its input and
// output as a person would.

/** Runs `npm start`'s entry point with no token, types the lines, and returns what it printed. */
function chat(
  lines: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; out: string }> {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    TELEGRAM_BOT_TOKEN: '',
    DEMO: '0',
    MONGODB_URI: testDatabaseUri(),
    CAMPAIGN_FILE: 'test/fixtures/campaign-open-now.json',
    LANG: 'en_US.UTF-8',
    LOG_LEVEL: 'warn',
  };
  // A variable given as undefined is taken away (no MONGODB_URI at all, say).
  const merged = Object.fromEntries(
    Object.entries({ ...base, ...env }).filter(([, v]) => v !== undefined),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    env: merged,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

describe('the terminal chat', () => {
  it('takes a person from /start to an approved entry, moderating it themselves', async () => {
    const { code, out } = await chat([
      '/start',
      '1', // Tell about my good deed
      'photo test/fixtures/no-such-file.png',
      'photo test/fixtures/deed.png',
      '1', // Done
      STORY,
      'Almaty',
      '4', // Animals
      '1', // I agree
      '1', // Send
      '1', // Approve (the person at the terminal is the moderator)
      '/mydata',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('Type /start to begin');
    expect(out).toContain('[1] 🙌 Tell about my good deed');
    expect(out).toContain('There is no such file');
    expect(out).toMatch(/🖼 photo: .*test\/fixtures\/deed\.png/);
    expect(out).toContain('Photo received (1 of 5)');
    expect(out).toContain('Category: Animals');
    expect(out).toContain('Thank you! Your entry №1 has been sent to the moderators');
    expect(out).toContain('📋 Entry №1 (own deed)');
    expect(out).toContain('✅ Approved by You');
    expect(out).toContain('🎉 Your entry №1 has been approved!');
    expect(out).toContain('№1 — own deed, Animals: approved');
  }, 60_000);
});

describe('npm start with nothing configured', () => {
  it('starts an embedded database and keeps its data between runs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dgt-data-'));
    const env = { MONGODB_URI: undefined, DATA_DIR: dataDir };
    const first = await chat(
      ['/start', '1', 'photo test/fixtures/deed.png', '1', STORY, 'Aktobe', '4', '1', '1'],
      env,
    );
    expect(first.code).toBe(0);
    expect(first.out.split('\n')[0]).toContain(
      `No MONGODB_URI set: starting an embedded database; its data stays in ${dataDir}/`,
    );
    expect(first.out).toContain('Your entry №1 has been sent');
    const second = await chat(['/mydata'], env);
    expect(second.out).toContain('№1 — own deed, Animals: waiting for moderation');
  }, 120_000);
});

describe('the demo in the terminal', () => {
  it('walks through every phase: entries, voting on the seeded list, results', async () => {
    const { code, out } = await chat(
      ['/start', '/nextphase', '/nextphase', '/vote', '1', '1', '/nextphase', '/results'],
      { DEMO: undefined, CAMPAIGN_FILE: undefined },
    );
    expect(code).toBe(0);
    expect(out).toContain('Entries are accepted until');
    expect(out).toContain("⏩ The demo's clock moved on: entries closed, moderators finish.");
    expect(out).toContain("⏩ The demo's clock moved on: the list is published, voting is open.");
    expect(out).toContain('🗳 The list of participants is published and voting is open');
    expect(out).toContain('[1] Helping the elderly (1)');
    expect(out).toMatch(/🖼 photo: .*bot\/terminal\/demo\/deed-1\.png/);
    expect(out).toContain('» Your vote for №1 is counted!');
    expect(out).toContain(
      "⏩ The demo's clock moved on: voting closed, the results are announced.",
    );
    expect(out).toContain('🏆 The results of the Acts of Kindness contest');
    expect(out).toContain('1. №1 — 1 vote');
  }, 60_000);
});
