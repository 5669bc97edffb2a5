/**
 * The command menu, registered with setMyCommands: Arabic for Arabic clients, English
 * for every other language (Telegram's default list).
 */
import type { Api } from 'grammy';
import { stringsFor } from './i18n/index.js';
import { COMMANDS } from './i18n/strings.js';

const list = (language: 'ar' | 'en') => COMMANDS.map((command) => ({ command, description: stringsFor(language).commands[command] }));

export async function registerCommands(api: Api): Promise<void> {
  await api.setMyCommands(list('ar'), { language_code: 'ar' });
  await api.setMyCommands(list('en'));
}
