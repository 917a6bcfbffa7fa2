import type { Api } from 'grammy';
import { LANGS, type Lang } from '../../handlers/protocol.js';
import { menuCommands } from '../../handlers/index.js';
import { translate } from '../../locales/index.js';

function commandsIn(lang: Lang) {
  // Built from the commands the features declare for the menu (see handlers/actions.ts).
  return menuCommands().map((command) => ({
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
