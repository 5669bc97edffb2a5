/**
 * /why, sent in reply to an alert: which words matched and the path from the word to
 * the followed topic (يريفان → أرمينيا → جنوب القوقاز).
 */
import { Composer } from 'grammy';
import { asChatId } from '../../core/ids.js';
import { alertReference } from '../../core/render/alert-reference.js';
import type { Evidence } from '../../core/topic.js';
import type { TopicCatalog } from '../catalog.js';
import type { BotContext } from '../context.js';
import { HTML } from '../reply.js';
import type { NewsService } from '../services/news.js';

/** Keeps the answer far below 4096 characters whatever the article matched. */
const MAX_LINES = 12;

const ZONE_RANK: Readonly<Record<Evidence['zone'], number>> = { title: 0, lead: 1, body: 2 };
const MAX_WORDS = 5;

/** The few words that weighed most: title before lead before body, then the most repeated. */
function strongestWords(evidence: readonly Evidence[]): string[] {
  const ranked = evidence.filter((e) => !e.weak).toSorted((a, b) => ZONE_RANK[a.zone] - ZONE_RANK[b.zone] || b.count - a.count);
  return [...new Set(ranked.map((e) => e.text))].slice(0, MAX_WORDS);
}

export interface WhyFeatureDeps {
  readonly news: Pick<NewsService, 'explain' | 'alsoReported'>;
  readonly catalog: Pick<TopicCatalog, 'get'>;
}

export function createWhyFeature(deps: WhyFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command('why', async (ctx) => {
    const replied = ctx.message?.reply_to_message;
    if (!replied) return void (await ctx.reply(ctx.t.why.needReply, HTML));
    // The alert itself says which article it carries (its link, its headline): nothing is kept per sent message.
    const text = replied.text ?? replied.caption ?? '';
    const found = await deps.news.explain(asChatId(ctx.chat.id), alertReference(text, replied.entities ?? replied.caption_entities ?? []));
    if (!found) return void (await ctx.reply(ctx.t.why.unknown, HTML));
    const lines = found.matches.slice(0, MAX_LINES).map((m) => {
      const words = strongestWords(m.evidence);
      const path = m.path.map((id) => deps.catalog.get(id)?.names[ctx.lang] ?? id);
      return ctx.t.why.line(m.name[ctx.lang], words, path);
    });
    const outlets = await deps.news.alsoReported(found.article);
    const also = outlets.length > 0 ? ['', ctx.t.why.alsoReported(outlets)] : [];
    await ctx.reply([ctx.t.why.header(found.article.article.title), '', ...lines, ...also].join('\n'), HTML);
  });
  return feature;
}
