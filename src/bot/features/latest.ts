/** /latest [topic]: the last stories that matched the chat's topics (or the named one), newest first. */
import { Composer } from 'grammy';
import { asChatId } from '../../core/ids.js';
import type { TopicCatalog } from '../catalog.js';
import type { BotContext } from '../context.js';
import { formatTime } from '../format-time.js';
import { checkQuery } from '../input.js';
import { HTML } from '../reply.js';
import type { NewsService } from '../services/news.js';

export const LATEST_COUNT = 5;

export interface LatestFeatureDeps {
  readonly news: Pick<NewsService, 'latest' | 'alsoReported'>;
  readonly catalog: Pick<TopicCatalog, 'search'>;
  readonly defaultTimeZone: string;
}

export function createLatestFeature(deps: LatestFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command('latest', async (ctx) => {
    const checked = ctx.match.trim() === '' ? undefined : checkQuery(ctx.match);
    if (checked && !checked.ok) return void (await ctx.reply(ctx.t.search.noWords, HTML));
    const topic = checked?.ok ? deps.catalog.search(checked.query, 1)[0] : undefined;
    if (checked?.ok && !topic) return void (await ctx.reply(ctx.t.latest.unknownTopic(checked.query), HTML));
    const stories = await deps.news.latest(asChatId(ctx.chat.id), topic?.id, LATEST_COUNT);
    const zone = ctx.chatRecord?.timeZone ?? deps.defaultTimeZone;
    const others = await Promise.all(stories.map((p) => deps.news.alsoReported(p)));
    const lines = stories.map((p, i) => {
      const item = ctx.t.latest.item(p.article.title, formatTime(p.article.publishedAt, ctx.lang, zone), p.article.url);
      const outlets = others[i] ?? [];
      return outlets.length > 0 ? `${item}\n${ctx.t.latest.alsoReported(outlets)}` : item;
    });
    const header = ctx.t.latest.header(topic?.names[ctx.lang]);
    await ctx.reply(lines.length > 0 ? `${header}\n\n${lines.join('\n\n')}` : `${header}\n\n${ctx.t.latest.empty}`, {
      ...HTML,
      link_preview_options: { is_disabled: true },
    });
  });
  return feature;
}
