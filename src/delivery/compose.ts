/**
 * What a send job says, for one chat: rendered at send time in the chat's time zone and
 * language, so queued jobs hold ids only. Articles and rendered alerts are cached briefly
 * in the process (thousands of sends share one article); a broadcast's state for 50 ms.
 * Broadcasts: breaking ones notify, the others are sent with disable_notification.
 */
import { renderDigest, type DigestItem } from '../core/digest.js';
import type { ArticleId, BroadcastId } from '../core/ids.js';
import type { PreparedArticle, RenderOptions } from '../core/prepared.js';
import type { ArticleStore, BroadcastStore, Chat, SubscriptionStore } from '../store/ports.js';
import type { Logger } from '../logger.js';
import type { Ledger } from './ledger.js';
import type { Message } from './sender.js';
import type { ChatSend } from './queues.js';

/** Renders one prepared article as an alert (wraps core's renderAlert). */
export type RenderAlert = (prepared: PreparedArticle, options: RenderOptions) => string;

/** The messages for a job and chat, or undefined when there is nothing to send any more. */
export type ComposeMessages = (job: ChatSend, chat: Chat) => Promise<Message[] | undefined>;

export interface ComposeDeps {
  readonly articles: ArticleStore;
  readonly broadcasts: BroadcastStore;
  readonly subscriptions: SubscriptionStore;
  readonly ledger: Ledger;
  readonly renderAlert: RenderAlert;
  readonly logger: Logger;
}

const CACHE_MAX = 256;
const CACHE_TTL_MS = 60_000;
/** A broadcast's state is read at most this long before a send: a cancel stops its sends within it. */
const BROADCAST_TTL_MS = 50;

/** A small time-bounded memo (insertion order evicts the oldest). */
function memo<V>(load: (key: string) => Promise<V>, ttlMs = CACHE_TTL_MS): (key: string) => Promise<V> {
  const entries = new Map<string, { at: number; value: Promise<V> }>();
  return (key) => {
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    const value = load(key);
    value.catch(() => entries.delete(key));
    entries.set(key, { at: Date.now(), value });
    if (entries.size > CACHE_MAX) entries.delete(entries.keys().next().value as string);
    return value;
  };
}

export function createComposer(deps: ComposeDeps): ComposeMessages {
  const article = memo((id) => deps.articles.get(id as ArticleId));
  const broadcast = memo((id) => deps.broadcasts.get(id as BroadcastId), BROADCAST_TTL_MS);
  const rendered = new Map<string, string>();
  const alert = (p: PreparedArticle, chat: Chat): string => {
    const key = `${p.article.id}|${chat.timeZone}`;
    let html = rendered.get(key);
    if (html === undefined) {
      html = deps.renderAlert(p, { timeZone: chat.timeZone });
      rendered.set(key, html);
      if (rendered.size > CACHE_MAX) rendered.delete(rendered.keys().next().value as string);
    }
    return html;
  };

  const digest = async (chat: Chat, ids: readonly ArticleId[]): Promise<Message[] | undefined> => {
    // The bucket is a SET (arbitrary order): ids sorted first, so equal times keep one order.
    const sorted = ids.toSorted();
    const found = (await Promise.all(sorted.map((id) => article(id)))).filter((p): p is PreparedArticle => p !== undefined);
    if (found.length === 0) return undefined;
    if (found.length === 1) return [{ kind: 'html', html: alert(found[0] as PreparedArticle, chat) }];
    const followed = new Set<string>(await deps.subscriptions.topicsOf(chat.id));
    const lang = chat.language;
    const items: DigestItem[] = found
      .toSorted((a, b) => a.article.publishedAt.valueOf() - b.article.publishedAt.valueOf())
      .flatMap((p) => {
        const match = p.matches.find((m) => followed.has(m.topicId)) ?? p.matches[0];
        if (!match) return [];
        return [{
          title: p.article.title, ...(p.article.url ? { url: p.article.url } : {}), topic: { id: match.topicId, name: match.name[lang] },
          ...(p.story ? { story: p.story.id } : {}),
        }];
      });
    return renderDigest(items, { language: lang }).map((html) => ({ kind: 'html', html }));
  };

  return async (job, chat) => {
    if ('a' in job) {
      const p = await article(job.a);
      if (!p) {
        deps.logger.warn({ articleId: job.a, chatId: chat.id }, 'send: article expired or missing');
        return undefined;
      }
      return [{ kind: 'html', html: alert(p, chat) }];
    }
    if ('b' in job) {
      const b = await broadcast(job.b);
      if (!b || b.state === 'cancelled') return undefined;
      // Only breaking news (عاجل) makes the phone ring; other announcements arrive silently.
      return [{ kind: 'copy', fromChat: b.source.chatId, messageId: b.source.messageId, silent: !b.breaking }];
    }
    return digest(chat, await deps.ledger.bucketRead(chat.id, job.t));
  };
}
