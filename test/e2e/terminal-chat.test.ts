import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseUri } from '../helpers/harness.js';
import { STORY } from '../helpers/flows.js';
import { TerminalSession } from '../helpers/terminal.js';

// With no platform token, `npm start` opens the same conversations in the terminal: a person
// types, numbers press buttons, "photo PATH" sends a picture. Driven here through its input and
// output as a person would, one line at a time, waiting for the prompt.

const sessions: TerminalSession[] = [];
function open(env: NodeJS.ProcessEnv = {}): TerminalSession {
  const session = new TerminalSession(env);
  sessions.push(session);
  return session;
}
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

/** Tells about an own deed up to its moderator card. */
async function submit(chat: TerminalSession, city: string): Promise<string> {
  await chat.type('/submit');
  await chat.type('photo test/fixtures/deed.png');
  await chat.press('✅ Done');
  await chat.type(STORY);
  await chat.type(city);
  await chat.press('Animals');
  await chat.press('✅ I agree');
  return chat.press('📨 Send');
}

describe('the terminal chat', () => {
  it('takes a person from /start to approved entries, every card’s buttons still working', async () => {
    const chat = open();
    expect(await chat.started()).toContain('Type /start to begin');
    expect(await chat.type('/start')).toContain('🙌 Share my good deed');
    // The prompt shows where to type.
    expect(chat.output).toMatch(/\n> $/);
    await chat.press('🙌 Share my good deed');
    expect(await chat.type('photo test/fixtures/no-such-file.png')).toContain(
      'There is no such file',
    );
    const photo = await chat.type('photo test/fixtures/deed.png');
    expect(photo).toContain('Photo received (1 of 5)');
    await chat.press('✅ Done');
    await chat.type(STORY);
    await chat.type('Almaty');
    await chat.press('Animals');
    expect(await chat.press('✅ I agree')).toContain('Category: Animals');
    const sent = await chat.press('📨 Send');
    expect(sent).toContain('Thank you! Your entry #1 has been sent to the moderators');
    expect(sent).toMatch(/🖼 Photo: .*test\/fixtures\/deed\.png/);
    expect(sent).toContain('📋 Entry #1 (own deed)');
    const firstApprove = chat.buttonNumber('✅ Approve');

    // A second entry's card comes after the first; the first card's buttons still work.
    expect(await submit(chat, 'Aktobe')).toContain('📋 Entry #2 (own deed)');
    expect(chat.buttonNumber('✅ Approve')).not.toBe(firstApprove);
    const approved = await chat.type(firstApprove);
    expect(approved).toContain('✅ Approved by You');
    expect(approved).toContain('🎉 Your entry #1 has been approved!');

    const mine = await chat.type('/mydata');
    expect(mine).toContain('#1 — own deed, Animals: approved');
    expect(mine).toContain('#2 — own deed, Animals: waiting for moderation');
    // A press is not answered with a bare "OK" line.
    expect(chat.output).not.toContain('» OK');
    expect(await chat.close()).toBe(0);
  }, 120_000);
});

describe('npm start with nothing configured', () => {
  it('starts an embedded database and keeps its data between runs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dgt-data-'));
    const env = { MONGODB_URI: undefined, DATA_DIR: dataDir };
    const first = open(env);
    expect((await first.started()).split('\n')[0]).toContain(
      `No MONGODB_URI set: starting an embedded database; its data stays in ${dataDir}/`,
    );
    await first.type('/start');
    expect(await submit(first, 'Aktobe')).toContain('Your entry #1 has been sent');
    expect(await first.close()).toBe(0);
    const second = open(env);
    expect(await second.type('/mydata')).toContain(
      '#1 — own deed, Animals: waiting for moderation',
    );
    expect(await second.close()).toBe(0);
  }, 120_000);
});

describe('the demo in the terminal', () => {
  const demo = (uri: string) =>
    open({ DEMO: undefined, CAMPAIGN_FILE: undefined, MONGODB_URI: uri });

  it('walks through every phase: entries, voting on the seeded list with a vote moved, results', async () => {
    const chat = demo(testDatabaseUri());
    expect(await chat.started()).toContain('🎬 A new demo');
    expect(await chat.type('/start')).toContain('Entries are accepted until');
    expect(await chat.type('/nextphase')).toContain(
      "⏩ The demo's clock moved on: entries closed, moderators finish.",
    );
    const voting = await chat.type('/nextphase');
    expect(voting).toContain(
      "⏩ The demo's clock moved on: the list is published, voting is open.",
    );
    expect(voting).toContain('🗳 The list of participants is published and voting is open');
    // Three entries in every category, in three languages.
    expect(await chat.type('/vote')).toContain('Helping the elderly (3)');
    expect(chat.last).toContain('Volunteer of the year (3)');
    // The demo's website, printed with the hint, shows the same entries.
    const site = /🌐 .*: (http:\/\/localhost:\d+\/)/.exec(chat.output)![1]!;
    const gallery = await (await fetch(`${site}?lang=en&category=elderly`)).text();
    for (const n of [1, 2, 3]) expect(gallery).toContain(`href="/e/${n}"`);
    expect((await fetch(`${site}thumb/1/0`)).headers.get('content-type')).toBe('image/webp');
    // And a way into the organisers' panel for the person here, the demo's moderator.
    const panel = /🔐 .*: (http:\/\/localhost:\d+\/panel\/login\?t=\S+)/.exec(chat.output)![1]!;
    const signedIn = await fetch(panel, { redirect: 'manual' });
    expect(signedIn.status).toBe(303);
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    const queue = await (await fetch(`${site}panel`, { headers: { cookie } })).text();
    expect(queue).toContain('Waiting for a decision');
    const card = await chat.press('Helping the elderly (3)');
    expect(card).toMatch(/🖼 Photo: .*bot\/terminal\/demo\/deed-\d\.png/);
    // The voter's own order of the category (fair exposure): whichever entry comes first.
    const first = Number(/#(\d+) · Helping the elderly · 1 of 3/.exec(card)?.[1]);
    expect(await chat.press('👍 Vote')).toContain(`» Your vote for #${first} is counted!`);
    const second = await chat.press('Next ▶️');
    const next = Number(/#(\d+) · Helping the elderly · 2 of 3/.exec(second)?.[1]);
    expect([1, 2, 3].filter((n) => n !== first)).toContain(next);
    const moved = await chat.press('👍 Vote');
    // The move is said once, not as a notice and again as a message.
    expect(moved.match(new RegExp(`#${first} .*#${next}`, 'g'))).toHaveLength(1);
    const gala = await chat.type('/nextphase');
    expect(gala).toContain(
      "⏩ The demo's clock moved on: voting closed, the results are announced.",
    );
    expect(gala).toContain('🏆 The results of the Acts of Kindness contest');
    const results = await chat.type('/results');
    expect(results).toContain('Final results');
    // The seeded votes (#2 two, #3 one) and the one moved to the second card.
    const votes = new Map([
      [1, 0],
      [2, 2],
      [3, 1],
    ]);
    votes.set(next, votes.get(next)! + 1);
    const standing = [...votes].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    for (const [number, count] of standing) {
      const place = standing.findIndex(([, c]) => c === count) + 1;
      expect(results).toContain(`${place}. #${number} — ${count} vote`);
    }
    expect(await chat.close()).toBe(0);
  }, 120_000);

  it('goes on where it stopped on a second run, and starts over on /restartdemo', async () => {
    const uri = testDatabaseUri();
    const first = demo(uri);
    await first.started();
    await first.type('/nextphase');
    await first.type('/nextphase');
    await first.type('/vote');
    const animal = await first.press('Animals (3)');
    const mine = /#(\d+) · Animals · 1 of 3/.exec(animal)?.[1];
    expect(mine).toBeDefined();
    expect(await first.press('👍 Vote')).toContain('is counted');
    const live = await first.type('/results');
    expect(live).toContain('Live count');
    expect(await first.close()).toBe(0);

    // The second run says it goes on, in the phase the first one left, with the same vote.
    const second = demo(uri);
    const greeting = await second.started();
    expect(greeting).toContain(
      '🎬 The demo goes on where you left it: the list is published, voting is open',
    );
    expect(greeting).not.toContain('A new demo');
    // The same live results, with the vote of the first run.
    expect(await second.type('/results')).toBe(live);
    expect(await second.type('/vote')).toContain('Animals (3)');
    expect(await second.type('/nextphase')).toContain('voting closed, the results are announced');
    const final = await second.type('/results');
    expect(final).toContain('Final results');
    // Its seeded votes (the first of a category none, the second two, the third one) and ours.
    const count = [0, 2, 1][(Number(mine) - 1) % 3]! + 1;
    expect(final).toContain(`#${mine} — ${count} vote${count === 1 ? '' : 's'}`);
    expect(await second.close()).toBe(0);

    // A third run is at the results; /restartdemo erases the demo and its clock starts at today.
    const third = demo(uri);
    expect(await third.started()).toContain('voting closed, the results are announced');
    const restarted = await third.type('/restartdemo');
    expect(restarted).toContain('🎬 The demo starts over');
    expect(restarted).toContain('21 entries by other people');
    const start = await third.type('/start');
    expect(start).toContain('Entries are accepted until');
    expect(await third.type('/results')).toContain('stage: entries are open');
    expect(await third.type('/mydata')).not.toContain('#');
    expect(await third.close()).toBe(0);
  }, 180_000);
});
