/**
 * /ingest: the admin pastes or forwards an article; the bot shows the alert exactly as
 * followers would get it, the matched topics and the audience, with a button to send it.
 * Nothing is stored until the admin confirms.
 */
import { Composer, InlineKeyboard } from 'grammy';
import type { Message } from 'grammy/types';
import { asUserId } from '../../../core/ids.js';
import type { ArticleInput } from '../../../core/input.js';
import type { RenderAlert } from '../../../delivery/compose.js';
import type { IngestService } from '../../../delivery/ports.js';
import type { BotContext } from '../../context.js';
import type { AdminStateStore } from './admin-state.js';
import { ingestData } from './callbacks.js';

export interface IngestFeatureDeps {
  readonly ingest: IngestService;
  readonly renderAlert: RenderAlert;
  readonly state: AdminStateStore;
  readonly defaultTimeZone: string;
}

/** The article text and, for a forward from a channel, the channel as the outlet. */
function inputOf(m: Message, timeZone: string): ArticleInput | undefined {
  const text = m.text ?? m.caption;
  if (!text) return undefined;
  const origin = m.forward_origin;
  const outlet = origin?.type === 'channel' ? origin.chat.title : undefined;
  return { kind: 'text', text, timeZone, ...(outlet ? { outlet } : {}) };
}

export function createIngestFeature(deps: IngestFeatureDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const zoneOf = (ctx: BotContext) => ctx.chatRecord?.timeZone ?? deps.defaultTimeZone;

  c.command('ingest', async (ctx) => {
    await deps.state.set(asUserId(ctx.from?.id ?? 0), { step: 'ingest-content' });
    await ctx.reply(ctx.t.admin.ingest.askContent);
  });

  c.on('message', async (ctx, next) => {
    const admin = asUserId(ctx.from.id);
    if ((await deps.state.get(admin))?.step !== 'ingest-content' || ctx.msg.text?.startsWith('/')) return next();
    const t = ctx.t.admin.ingest;
    const input = inputOf(ctx.msg, zoneOf(ctx));
    if (!input) return void (await ctx.reply(t.rejected('no text'), { parse_mode: 'HTML' }));
    const { outcome, prepared } = await deps.ingest.preview(input);
    if (outcome.status === 'rejected' || !prepared) {
      await deps.state.clear(admin);
      return void (await ctx.reply(t.rejected(outcome.reason ?? outcome.status), { parse_mode: 'HTML' }));
    }
    await ctx.reply(deps.renderAlert(prepared, { timeZone: zoneOf(ctx) }), { parse_mode: 'HTML' });
    if (outcome.status !== 'queued') {
      await deps.state.clear(admin);
      return void (await ctx.reply(outcome.status === 'duplicate' ? t.duplicate : t.noMatch));
    }
    await deps.state.set(admin, { step: 'ingest-confirm', input });
    const names = outcome.topics.map((m) => m.name[ctx.lang]);
    await ctx.reply(t.preview(outcome.recipients, names), {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard()
        .text(t.send(outcome.recipients), ingestData.pack({ action: 'send' }))
        .text(t.cancel, ingestData.pack({ action: 'cancel' })),
    });
  });

  c.callbackQuery(ingestData.filter(), async (ctx) => {
    const admin = asUserId(ctx.from.id);
    const strings = ctx.t.admin;
    const data = ingestData.unpack(ctx.callbackQuery.data);
    const s = await deps.state.get(admin);
    if (!data || s?.step !== 'ingest-confirm') return void (await ctx.answerCallbackQuery({ text: strings.expired }));
    await deps.state.clear(admin);
    await ctx.answerCallbackQuery();
    if (data.action === 'cancel') return void (await ctx.editMessageText(strings.cancelled));
    const outcome = await deps.ingest.ingest(s.input);
    ctx.logger.info({ articleId: outcome.articleId, status: outcome.status }, 'admin ingested an article');
    const t = strings.ingest;
    const text = outcome.status === 'queued' ? t.queued(outcome.recipients)
      : outcome.status === 'duplicate' ? t.duplicate
      : outcome.status === 'no-match' ? t.noMatch
      : t.rejected(outcome.reason ?? 'rejected');
    await ctx.editMessageText(text, { parse_mode: 'HTML' });
  });

  return c;
}
