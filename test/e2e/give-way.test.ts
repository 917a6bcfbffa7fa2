import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BroadcastModel } from '../../models/broadcast.js';
import { outboxWaiting } from '../../models/outbox.js';
import { seedRecipients } from '../../bench/world.js';
import { ADMIN_ID, Harness } from '../helpers/harness.js';
import { TelegramUser } from '../helpers/telegram-user.js';

// While people wait for the bot's answers, a broadcast gives way: it slows to a small share of
// the rate (the share of 1,000 a second it keeps is 30), and goes back to its full rate once
// nobody waits. Here three people's answers take a second each to reach them, for eight updates
// in a row each, in the middle of a broadcast to 3,000 people at 1,000 a second.

const RECIPIENTS = 3_000;
const TEXT = 'The gala is on Friday: thank you for every good deed!';

describe('a broadcast while people wait for answers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ env: { TELEGRAM_RATE_PER_SECOND: '1000' } });
    // People who used the bot before (written directly, as the benchmarks write them).
    await seedRecipients(RECIPIENTS, () => 'en', new Date());
  });
  afterAll(async () => {
    await h.stop();
  });

  const sends = () =>
    h.api.calls.filter((c) => c.method === 'sendMessage' && c.params.text === TEXT);

  it('slows down while their answers are slow, then reaches everyone once', async () => {
    // Each update resolves once the bot has handled it; these do not wait for the outbox to be
    // empty as the harness's users do (it would wait for the broadcast).
    const person = (i: number) => new TelegramUser(h.api, 500_001 + i, 'en', `Person${i}`);
    const people = [person(0), person(1), person(2)];
    for (const p of people) await p.send('/start');
    const organiser = new TelegramUser(h.api, ADMIN_ID, 'en', 'Organiser');
    await organiser.send('/broadcast');
    await organiser.send(TEXT);
    await organiser.tapKeyWhenShown('broadcast-audience-all');
    await organiser.tapKeyWhenShown('broadcast-send');
    // The broadcast is on its way at its full rate.
    while (sends().length < 100) await new Promise((r) => setTimeout(r, 20));

    // The way to the three people is slow: each answer they wait for takes a second.
    for (const p of people) h.api.slowChats.set(p.id, 1_000);
    const waitStarted = Date.now();
    await Promise.all(
      people.map(async (p) => {
        for (let i = 0; i < 8; i += 1) await p.send('/help');
      }),
    );
    const waitEnded = Date.now();
    const sentByThen = sends().length;
    for (const p of people) h.api.slowChats.delete(p.id);

    // The sender sees the wait within a second or so (it looks four times a second and halves
    // its share each time); from then on until the people stop waiting it keeps to about 30 a
    // second. At its full rate the whole broadcast would have gone in those seconds.
    const from = waitStarted + 2_500;
    const during = sends().filter((c) => c.at! >= from && c.at! <= waitEnded).length;
    const perSecond = during / ((waitEnded - from) / 1000);
    console.log(
      `[give way] ${during} broadcast messages in the ${((waitEnded - from) / 1000).toFixed(1)} s people waited (${perSecond.toFixed(0)} a second; its rate is 1,000)`,
    );
    expect(perSecond).toBeLessThan(60);
    // It was not over: it went on after them.
    expect(sentByThen).toBeLessThan(RECIPIENTS);

    // Then everyone gets it, once.
    while ((await BroadcastModel.findOne({ text: TEXT }).lean())?.status !== 'queued')
      await new Promise((r) => setTimeout(r, 50));
    await h.drain(120_000);
    const perChat = new Map<number, number>();
    for (const c of sends())
      perChat.set(Number(c.params.chat_id), (perChat.get(Number(c.params.chat_id)) ?? 0) + 1);
    // The recipients, the three people and the organiser.
    expect(perChat.size).toBe(RECIPIENTS + 4);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    expect(await outboxWaiting()).toBe(0);
    // Each of their answers came, one for each /help.
    for (const p of people) {
      const answers = h.api
        .callsTo(p.id)
        .filter((c) => c.at! >= waitStarted && c.params.text !== TEXT);
      expect(answers).toHaveLength(8);
    }
  }, 180_000);
});
