/**
 * The first screen: the Arabic reader says /start and follows three catalogue topics the
 * canonical article matches (Armenia, South Caucasus, Russia), then the article is ingested,
 * so the page opens on a chat that already holds its alert.
 */
import { isAlertHtml, type ChatLog } from './chat-log.js';
import type { Emulator } from './emulator.js';
import type { IngestProxy } from './ingest.js';
import { SAMPLE_ARTICLE, SAMPLE_ARTICLE_CONTEXT } from './samples.js';

export const SEED_MESSAGES = ['/start', '/follow أرمينيا', '/follow جنوب القوقاز', '/follow روسيا'] as const;

export async function seedPlayground(deps: { emulator: Emulator; log: ChatLog; ingest: IngestProxy }, timeoutMs = 15_000): Promise<void> {
  const { emulator, log } = deps;
  const chatId = emulator.chatOf('reader').id;
  const { fake } = emulator;
  for (const text of SEED_MESSAGES) {
    const seen = fake.sent(chatId).length;
    log.userMessage(emulator.say('reader', text));
    // One at a time, so the chat reads in order and each follow is stored before the article.
    await fake.waitFor(() => fake.sent(chatId).length > seen, timeoutMs);
  }
  const report = await deps.ingest.ingest('text', SAMPLE_ARTICLE, SAMPLE_ARTICLE_CONTEXT);
  if (!report.ok) throw new Error(`seed: the sample article was not ingested (${report.error}): ${JSON.stringify(report.answers)}`);
  await fake.waitFor(() => fake.sent(chatId).some((m) => isAlertHtml(m.params['text'] as string | undefined)), timeoutMs);
}
