import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.js';
import { AFTER_VOTING, publishedEntries } from '../helpers/flows.js';
import type { TelegramUser } from '../helpers/telegram-user.js';

// A campaign with a jury: after voting closes, the jurors are asked to score the finalists, do
// so with buttons under each finalist's card, and the results combine both by the weights.

const JURORS = [800_001, 800_002];

describe('a contest with a jury', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  /** The card of entry `n` in this person's chat. */
  const cardOf = (person: TelegramUser, n: number) =>
    person.messages().find((m) => m.text?.startsWith(`#${n} ·`));

  const score = (juror: TelegramUser, n: number, value: number) =>
    juror.press(`j:s:${n}:${value}`, cardOf(juror, n)?.messageId);

  it('has the finalists scored by the jurors alone, and ranks them by both shares', async () => {
    h = await Harness.start({
      campaign: (c) => ({
        ...c,
        jury: {
          members: JURORS.map((id) => ({ platform: 'telegram' as const, id: String(id) })),
          finalists: 2,
          publicWeight: 0.5,
        },
      }),
    });
    await publishedEntries(h, ['animals', 'animals', 'animals']);
    // Public vote: #1 three votes, #2 one, #3 none.
    for (const n of [1, 1, 1, 2]) await h.user({}).press(`v:v:${n}`);
    const jurors = JURORS.map((id) => h.user({ id, lang: 'en' }));
    await jurors[0]!.send('/start');
    // Before the close of voting the jury cannot score.
    expect((await jurors[0]!.send('/jury')).texts[0]).toBe(
      jurors[0]!.tr('jury-closed', { gala: { date: '2026-11-20' } }),
    );

    h.clock.set(AFTER_VOTING);
    await h.app.tick();
    await h.drain();
    expect(jurors[0]!.lastText()).toBe(
      jurors[0]!.tr('jury-invite', { gala: { date: '2026-11-20' }, time: '19:00' }),
    );

    const shown = await jurors[0]!.send('/jury');
    expect(shown.texts[0]).toContain('⚖️ You are on the jury.');
    expect(shown.texts).toContain('🏷 Animals: 2 finalists');
    // Only the finalists, each with its buttons from 1 to 10, and no count of votes on them.
    expect(cardOf(jurors[0]!, 1)?.text).toContain('⚖️ Not scored yet');
    expect(cardOf(jurors[0]!, 1)?.text).not.toContain('👍');
    expect(cardOf(jurors[0]!, 3)).toBeUndefined();
    expect(jurors[0]!.visibleButtons().filter((b) => b === '10')).toHaveLength(2);

    // Bad input: out of range, not a finalist, not a juror.
    expect((await jurors[0]!.press('j:s:1:11')).notice).toBe(jurors[0]!.tr('jury-score-range'));
    expect((await jurors[0]!.press('j:s:3:5')).notice).toBe(jurors[0]!.tr('jury-not-finalist'));
    const voter = h.user({ lang: 'ru' });
    expect((await voter.press('j:s:1:10')).notice).toBe(voter.tr('jury-not-member'));
    expect((await voter.send('/jury')).texts[0]).toBe(
      voter.tr('unknown-command', { command: '/jury' }),
    );

    // The public favours #1 (0.75 to 0.25); the jury #2 (means 4 and 9: 4/13 to 9/13).
    const scored = await score(jurors[0]!, 2, 7);
    expect(scored.notice).toBe(jurors[0]!.tr('jury-scored', { number: '2', score: 7 }));
    expect(cardOf(jurors[0]!, 2)?.text).toContain('⚖️ Your score: 7');
    expect(jurors[0]!.visibleButtons()).toContain('✅ 7');
    // Scoring again changes the score; it does not add one.
    await score(jurors[0]!, 2, 10);
    await score(jurors[0]!, 1, 4);
    await jurors[1]!.send('/jury');
    // The second juror does not see the first one's scores.
    expect(cardOf(jurors[1]!, 2)?.text).toContain('⚖️ Not scored yet');
    await score(jurors[1]!, 2, 8);
    await score(jurors[1]!, 1, 4);

    const organiser = h.admin('en');
    const results = (await organiser.send('/results')).texts.join('\n');
    // #1: 0.5·0.75 + 0.5·4/13 = 0.529; #2: 0.5·0.25 + 0.5·9/13 = 0.471.
    expect(results).toContain(
      '1. #1 — 3 votes, jury 4.0\n2. #2 — 1 vote, jury 9.0\n3. #3 — 0 votes',
    );
    expect(results).toContain(
      'How the ranking was formed: the top 2 of each category by public vote are ranked 50% by their share of the public vote and 50% by their share of the jury’s scores (2 jurors)'.replace(
        '’',
        "'",
      ),
    );

    // After the gala the scores are final.
    h.clock.set('2026-11-20T20:00:00+05:00');
    expect((await score(jurors[1]!, 2, 10)).notice).toBe(
      jurors[1]!.tr('jury-closed', { gala: { date: '2026-11-20' } }),
    );
  });
});
