/**
 * /ingest: the admin pastes or forwards an article; the bot shows the alert exactly as
 * followers would get it, the matched topics and the audience, with a button to send it.
 * Nothing is stored until the admin confirms. A dialogue stored in Redis: a restart between
 * the preview and the tap loses nothing.
 */
import { Composer, InlineKeyboard } from 'grammy';
import type { Message } from 'grammy/types';
import type { ArticleInput } from '../../../core/input.js';
import type { RenderAlert } from '../../../delivery/compose.js';
import type { IngestService } from '../../../delivery/ports.js';
import type { AdminContext, BotContext, Dialogue } from '../../context.js';
import { nextMessage, nextUpdate, tappedOn } from './dialogue-waits.js';
import { ingestData } from './callbacks.js';

export interface IngestFeatureDeps {
  readonly ingest: IngestService;
  readonly renderAlert: RenderAlert;
  readonly defaultTimeZone: string;
  /** Config STALE_AFTER_HOURS, named when the pasted article is stale. */
  readonly staleAfterHours?: number;
}

/** The article text and, for a forward from a channel, the channel as the outlet. */
function inputOf(m: Message, timeZone: string): ArticleInput | undefined {
  const text = m.text ?? m.caption;
  if (!text) return undefined;
  const origin = m.forward_origin;
  const outlet = origin?.type === 'channel' ? origin.chat.title : undefined;
  return { kind: 'text', text, timeZone, ...(outlet ? { outlet } : {}) };
}

export const INGEST_DIALOGUE = 'ingest';

export function ingestDialogue(deps: IngestFeatureDeps) {
  return async (conversation: Dialogue, ctx: BotContext): Promise<void> => {
    await ctx.reply(ctx.t.admin.ingest.askContent);
    const pasted = await nextMessage(conversation);
    const t = pasted.t.admin.ingest;
    const zone = pasted.chatRecord?.timeZone ?? deps.defaultTimeZone;
    const input = inputOf(pasted.message, zone);
    if (!input) return void (await pasted.reply(t.rejected('no text'), { parse_mode: 'HTML' }));
    // Rendered inside `external`: the stored result is plain text, replayed as is.
    const preview = await conversation.external(async () => {
      const { outcome, prepared } = await deps.ingest.preview(input);
      return { outcome, html: prepared ? deps.renderAlert(prepared, { timeZone: zone }) : undefined };
    });
    const { outcome } = preview;
    if (outcome.status === 'rejected' || preview.html === undefined) {
      return void (await pasted.reply(t.rejected(outcome.reason ?? outcome.status), { parse_mode: 'HTML' }));
    }
    await pasted.reply(preview.html, { parse_mode: 'HTML' });
    if (outcome.status !== 'queued' && outcome.status !== 'stale') {
      return void (await pasted.reply(outcome.status === 'duplicate' ? t.duplicate : t.noMatch));
    }
    const names = outcome.topics.map((m) => m.name[pasted.lang]);
    const stale = outcome.status === 'stale' ? `${t.stale(deps.staleAfterHours ?? 36)}\n\n` : '';
    const asked = await pasted.reply(`${stale}${t.preview(outcome.recipients, names)}`, {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard()
        .text(t.send(outcome.recipients), ingestData.pack({ action: 'send' }))
        .text(t.cancel, ingestData.pack({ action: 'cancel' })),
    });

    const tap = await nextUpdate(conversation, (c) => tappedOn(c, asked.message_id) && ingestData.unpack(c.callbackQuery?.data ?? '') !== undefined);
    await tap.answerCallbackQuery();
    if (ingestData.unpack(tap.callbackQuery?.data ?? '')?.action === 'cancel') return void (await tap.editMessageText(tap.t.admin.cancelled));
    const done = await conversation.external(async () => {
      // The admin saw the alert and chose to send it: it goes out even if stale or already reported.
      const result = await deps.ingest.ingest(input, { force: true });
      tap.logger.info({ articleId: result.articleId, status: result.status }, 'admin ingested an article');
      return result;
    });
    const text = done.status === 'queued' ? t.queued(done.recipients)
      : done.status === 'duplicate' ? t.duplicate
      : done.status === 'no-match' ? t.noMatch
      : t.rejected(done.reason ?? 'rejected');
    await tap.editMessageText(text, { parse_mode: 'HTML' });
  };
}

/** /ingest opens the dialogue. */
export function createIngestFeature(): Composer<AdminContext> {
  const c = new Composer<AdminContext>();
  c.command('ingest', (ctx) => ctx.conversation.enter(INGEST_DIALOGUE));
  return c;
}
