/**
 * The fake Bot API and its simulated users, on their own thread for bench/bot.bench.ts, so
 * the bot under measurement has the main thread to itself (as it would against Telegram).
 * Commands come by postMessage; times are absolute (timeOrigin + now) so both threads agree.
 */
import { parentPort } from 'node:worker_threads';
import type { Chat } from 'grammy/types';
import { pageData } from '../src/bot/callbacks.js';
import { startFakeTelegram } from '../src/fake-telegram/index.js';

export type Command =
  | { readonly cmd: 'init'; readonly users: number }
  | { readonly cmd: 'burst'; readonly kind: 'help' | 'start' | 'mix'; readonly count: number }
  | { readonly cmd: 'paced'; readonly rate: number; readonly count: number }
  /** Notes each user's picker message and failed calls, then lets the fake forget its records (memory). */
  | { readonly cmd: 'checkpoint' }
  | { readonly cmd: 'close' };

const SEARCHES = ['أرمينيا', 'armenia', 'القوقاز', 'karabakh', 'روسيا', 'غزة'];
const now = (): number => performance.timeOrigin + performance.now();
const port = parentPort;
if (!port) throw new Error('bot-fake-thread runs as a worker thread');

const fake = await startFakeTelegram();
let users: Chat[] = [];
const pickers = new Map<number, number>();
let errors = 0;

const failedCalls = (): number => fake.calls().filter((r) => r.response && (r.response as { ok?: boolean }).ok === false).length;
const pickerOf = (chatId: number): number => {
  const id = pickers.get(chatId) ?? fake.sent(chatId).find((s) => s.method === 'sendMessage')?.messageId;
  if (id === undefined) throw new Error(`no picker in chat ${chatId}`);
  return id;
};
const tap = (i: number, cat: 'regions' | 'countries', page: number) => {
  const chat = users[i] as Chat;
  return fake.tapButton({ chat, messageId: pickerOf(chat.id), data: pageData.pack({ target: 0, cat, page }), forged: true });
};
const say = (i: number, text: string) => fake.sendUserMessage({ chat: users[i] as Chat, text });
/** The i-th update of a mix: even users tap a category, odd users search. */
const mixed = (i: number) => (i % 2 === 0 ? tap(i, 'regions', 0) : say(i, SEARCHES[i % SEARCHES.length] as string));

port.on('message', async (c: Command) => {
  if (c.cmd === 'init') {
    users = Array.from({ length: c.users }, (_, i) =>
      fake.privateChat(fake.user({ firstName: `قارئ ${i}`, languageCode: i % 3 === 0 ? 'en' : 'ar' })));
    port.postMessage({ ready: true, apiRoot: fake.apiRoot, botInfo: fake.botInfo, token: fake.token }, []);
  } else if (c.cmd === 'burst') {
    for (let i = 0; i < c.count; i++) {
      if (c.kind === 'mix') mixed(i);
      else say(i, c.kind === 'help' ? '/help' : '/start');
    }
    port.postMessage({ queued: c.count }, []);
  } else if (c.cmd === 'paced') {
    const queued: [number, number][] = [];
    const t0 = now();
    for (let i = 0; i < c.count; i++) {
      const wait = t0 + (i * 1000) / c.rate - now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const kind = i % 3;
      const update = kind === 0 ? tap(i, 'countries', 1) : kind === 1 ? say(i, SEARCHES[(i + 1) % SEARCHES.length] as string) : say(i, '/start');
      queued.push([update.update_id, now()]);
    }
    port.postMessage({ queuedAt: queued }, []);
  } else if (c.cmd === 'checkpoint') {
    for (const chat of users) {
      const id = fake.sent(chat.id).find((s) => s.method === 'sendMessage')?.messageId;
      if (id !== undefined && !pickers.has(chat.id)) pickers.set(chat.id, id);
    }
    errors += failedCalls();
    fake.reset();
    port.postMessage({ errors }, []);
  } else {
    errors += failedCalls();
    await fake.close();
    port.postMessage({ closed: true, errors }, []);
  }
});
