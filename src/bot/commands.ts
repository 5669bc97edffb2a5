/**
 * The command menu, registered with @grammyjs/commands: descriptions in Arabic (for Arabic
 * clients) and English (every other language), the reader's commands for everyone, and in
 * the private chat of each ADMIN_IDS user (a per-chat scope, which replaces the default list
 * there) the reader's commands followed by the admin commands. Handlers stay in the
 * features; this group only says what the menu shows.
 */
import { CommandGroup } from '@grammyjs/commands';
import type { Api, Context } from 'grammy';
import type { BotCommandScope } from 'grammy/types';
import { stringsFor } from './i18n/index.js';
import { ADMIN_MENU, COMMANDS } from './i18n/strings.js';

export function createCommandMenu<C extends Context>(adminIds: readonly number[]): CommandGroup<C> {
  const menu = new CommandGroup<C>();
  const ar = stringsFor('ar').commands;
  const en = stringsFor('en').commands;
  // Private chat ids are the users' ids.
  const adminChats: BotCommandScope[] = adminIds.map((id) => ({ type: 'chat', chat_id: id }));
  for (const name of COMMANDS) {
    const command = menu.command(name, en[name]).localize('ar', name, ar[name]).addToScope({ type: 'default' });
    for (const scope of adminChats) command.addToScope(scope);
  }
  for (const name of ADMIN_MENU) {
    const command = menu.command(name, en[name]).localize('ar', name, ar[name]);
    for (const scope of adminChats) command.addToScope(scope);
  }
  return menu;
}

export async function registerCommands(api: Api, adminIds: readonly number[] = []): Promise<void> {
  await createCommandMenu(adminIds).setCommands({ api });
}
