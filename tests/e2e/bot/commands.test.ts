/**
 * The command menu as Telegram stores it: the reader's commands (with /timezone) for
 * everyone in Arabic and English, and the admin commands only in the admins' private chats.
 */
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../../src/bot/commands.js';
import { startFakeTelegram, type FakeTelegram } from '../../../src/fake-telegram/index.js';

const READER = ['start', 'mytopics', 'follow', 'unfollow', 'latest', 'why', 'pause', 'resume', 'settings', 'timezone', 'channels', 'stop', 'help'];
const ADMIN = ['broadcast', 'feeds', 'ingest', 'stats', 'cancel'];

let fake: FakeTelegram;
const adminId = 5_550_001;

beforeAll(async () => {
  fake = await startFakeTelegram();
  await registerCommands(new Api(fake.token, { apiRoot: fake.apiRoot }), [adminId]);
});
afterAll(() => fake.close());

const names = (scope?: object, language?: string) => fake.commands(scope, language).map((c) => c.command);
const description = (command: string, scope?: object, language?: string) =>
  fake.commands(scope, language).find((c) => c.command === command)?.description;

describe('the command menu', () => {
  it('shows every reader the reader\u2019s commands, /timezone included, and no admin command', () => {
    expect(names()).toEqual(READER);
    expect(names(undefined, 'ar')).toEqual(READER);
  });

  it('describes them in Arabic for Arabic clients and in English otherwise', () => {
    expect(description('timezone', undefined, 'ar')).toBe('المنطقة الزمنية (مثل Asia/Riyadh)');
    expect(description('timezone')).toBe('Your time zone (e.g. Asia/Riyadh)');
    expect(description('stop', undefined, 'ar')).toBe('إلغاء كل المتابعات');
  });

  it('adds the admin commands in an admin\u2019s private chat only', () => {
    const chat = { type: 'chat', chat_id: adminId };
    expect(names(chat)).toEqual([...READER, ...ADMIN]);
    expect(names(chat, 'ar')).toEqual([...READER, ...ADMIN]);
    expect(description('broadcast', chat, 'ar')).toBe('بثّ رسالة إلى المشتركين');
    expect(description('cancel', chat)).toBe('Leave the current dialogue');
    expect(names({ type: 'chat', chat_id: 5_550_002 })).toEqual([]);
    expect(names({ type: 'all_private_chats' })).toEqual([]);
  });
});
