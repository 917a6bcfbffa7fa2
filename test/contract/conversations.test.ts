import { afterEach, describe, expect, it } from 'vitest';
import { loadCampaign } from '../../bot/campaign-file.js';
import { translate } from '../../locales/index.js';
import { STORY } from '../helpers/flows.js';
import { KITS, type Person, type World } from './kits.js';

// The conversations every platform must hold the same way, written once and run on Telegram, VK
// and the terminal chat. What only one platform has (albums, VK's batches, the Callback API, a
// Telegram contact) keeps its own tests.

const animals = loadCampaign('campaign.json').categories.find((c) => c.id === 'animals')!.name;

/** The number on the newest entry card the person saw ("#2 · …" or "№2 · …"). */
function lastCard(person: Person): string {
  const numbers = [...person.heard().matchAll(/[#№](\d+) · /g)];
  return numbers.at(-1)![1]!;
}

/** Tells about an own deed up to Send. */
async function ownDeed(author: Person): Promise<void> {
  await author.send('/submit');
  await author.photo();
  await author.tapKey('button-media-done');
  await author.send(STORY);
  await author.send('Almaty');
  await author.tap(animals[author.lang]);
  await author.tapKey('button-consent-own');
}

describe.each(KITS)('the conversations on $name', (kit) => {
  let world: World;
  afterEach(async () => {
    await world.stop();
  });

  it('greets in the person’s language and changes it when asked', async () => {
    world = await kit.start('submissions', 'ru');
    const person = world.person('ru');
    await person.send('/start');
    expect(person.heard()).toContain(person.tr('menu-submit'));
    await person.send('/language');
    await person.tapKey('language-name-kk');
    expect(person.heard()).toContain(translate('kk', { key: 'language-set' }));
    // From now on the bot speaks Kazakh, its menu too.
    await person.send('/help');
    expect(person.heard()).toContain('/submit — өз игі ісіңізбен бөлісу');
  });

  it('takes an own deed to the moderators and tells the author their decision', async () => {
    world = await kit.start('submissions', 'en');
    const author = world.person('en');
    const moderator = await world.moderator();
    await ownDeed(author);
    await author.tapKey('button-send');
    expect(author.heard()).toContain('Thank you! Your entry #1 has been sent to the moderators');
    expect(moderator.heard()).toContain('📋 Entry #1 (own deed)');
    await moderator.tapKey('mod-approve');
    expect(author.heard()).toContain('🎉 Your entry #1 has been approved!');
  });

  it('takes a nomination of someone else, and tells the author a ready reason in their language', async () => {
    world = await kit.start('submissions', 'ru');
    const author = world.person('ru');
    const moderator = await world.moderator();
    await author.send('/nominate');
    expect(author.heard()).toContain(author.tr('ask-nominee'));
    await author.send('Айгерим, медсестра из Караганды');
    await author.send(STORY);
    await author.photo();
    await author.tapKey('button-media-done');
    await author.send('Караганда');
    await author.tap(animals.ru);
    await author.tapKey('button-consent-nomination');
    await author.tapKey('button-send');
    expect(author.heard()).toContain('Спасибо! Ваша заявка №1 отправлена модераторам');
    // The moderator (writing in English on Telegram and VK) rejects it with a ready reason.
    await moderator.tapKey('mod-reject');
    await moderator.tapKey('reject-reason-4');
    expect(author.heard()).toContain(
      author.tr('entry-rejected', { number: '1', reason: { key: 'reject-reason-4' } }),
    );
  });

  it('answers bad input in the person’s language and keeps what was written', async () => {
    world = await kit.start('submissions', 'kk');
    const author = world.person('kk');
    await author.send('/dance');
    expect(author.heard()).toContain(author.tr('unknown-command', { command: '/dance' }));
    await author.send('/submit');
    await author.photo();
    await author.tapKey('button-media-done');
    await author.send('Қысқа');
    expect(author.heard()).toContain(author.tr('story-too-short', { length: 5, min: 20 }));
    // The photo is kept: the story is asked for again, not the photo.
    await author.send(STORY);
    expect(author.heard()).toContain(author.tr('ask-city'));
  });

  it('lets a voter browse a category in their own order and move their vote', async () => {
    world = await kit.start('voting', 'en');
    const voter = world.person('en');
    await voter.send('/vote');
    await voter.tapKey('vote-category', { name: { names: animals }, count: 2 });
    const first = lastCard(voter);
    expect(voter.heard()).toContain(`#${first} · Animals · 1 of 2`);
    await voter.tapKey('vote-button');
    expect(voter.heard()).toContain(voter.tr('vote-counted', { number: first }));
    await voter.tapKey('button-next');
    const second = lastCard(voter);
    expect(second).not.toBe(first);
    await voter.tapKey('vote-button');
    expect(voter.heard()).toContain(voter.tr('vote-moved', { from: first, to: second }));
  });

  it('opens an entry from a shared link, ready to vote', async () => {
    world = await kit.start('voting', 'ru');
    const voter = world.person('ru');
    await voter.send('/start e2');
    expect(voter.heard()).toContain('№2 · Животные');
    expect(voter.heard()).toContain(voter.tr('vote-button'));
    await voter.send('/start e99');
    expect(voter.heard()).toContain(voter.tr('link-entry-unavailable'));
  });

  it('turns contest announcements off and on', async () => {
    world = await kit.start('submissions', 'en');
    const person = world.person('en');
    await person.send('/notifications');
    expect(person.heard()).toContain(person.tr('notifications-on'));
    await person.tapKey('notifications-turn-off');
    expect(person.heard()).toContain(person.tr('notifications-off'));
  });

  it('sends one entry when Send is pressed twice, and says the second press is too late', async () => {
    world = await kit.start('submissions', 'en');
    const author = world.person('en');
    await ownDeed(author);
    await author.tapKey('button-send');
    await author.tapKey('button-send');
    expect(author.heard()).toContain(author.tr('button-stale'));
    const sent = author.heard().split('Your entry #1 has been sent to the moderators').length - 1;
    expect(sent).toBe(1);
    expect(author.heard()).not.toContain('#2');
  });

  it.skipIf(kit.name === 'terminal')(
    'handles a press the platform delivers twice once',
    async () => {
      world = await kit.start('submissions', 'en');
      const author = world.person('en');
      await ownDeed(author);
      await author.tapKeyTwice!('button-send');
      const sent = author.heard().split('Your entry #1 has been sent to the moderators').length - 1;
      expect(sent).toBe(1);
      expect(author.heard()).not.toContain('#2');
    },
  );
});
