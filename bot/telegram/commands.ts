import type { Api } from 'grammy';
import { LANGS, type Lang } from '../../handlers/ports.js';
import { translate } from '../../locales/index.js';

const COMMANDS = [
  'start',
  'submit',
  'nominate',
  'vote',
  'results',
  'transparency',
  'notifications',
  'language',
  'mydata',
  'deleteme',
  'cancel',
  'help',
];

function commandsIn(lang: Lang) {
  return COMMANDS.map((command) => ({
    command,
    description: translate(lang, { key: `command-${command}` }),
  }));
}

/** The command menu, in each user's Telegram language, with the campaign's default for the rest. */
export async function registerCommands(api: Api, defaultLang: Lang): Promise<void> {
  await api.setMyCommands(commandsIn(defaultLang));
  for (const lang of LANGS) {
    await api.setMyCommands(commandsIn(lang), { language_code: lang });
  }
}
