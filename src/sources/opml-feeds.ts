/**
 * OPML against the feed store, shared by the `feeds` CLI and the bot's /feeds import|export:
 * what a file adds (a URL already there is skipped, never changed), and the store as a file.
 */
import type { FeedFields } from '../core/feeds/feed-fields.js';
import { writeOpml } from '../core/feeds/opml.js';
import type { FeedStore } from '../store/ports.js';
import { feedIdOf } from '../store/redis-feed-store.js';

/** Adds the feeds an OPML file listed; those without a zone or interval get the instance's defaults. */
export async function addOpmlFeeds(
  feeds: FeedStore, found: readonly FeedFields[], defaults: { readonly timeZone: string; readonly intervalSec: number },
): Promise<{ added: number; skipped: number }> {
  let added = 0;
  let skipped = 0;
  for (const f of found) {
    if (await feeds.get(feedIdOf(f.url))) {
      skipped++;
      continue;
    }
    await feeds.add({ url: f.url, name: f.name, timeZone: f.timeZone ?? defaults.timeZone, intervalSec: f.minutes ? f.minutes * 60 : defaults.intervalSec });
    added++;
  }
  return { added, skipped };
}

/** Every feed as OPML 2.0, with each one's zone and interval. */
export async function feedsAsOpml(feeds: FeedStore, now: Date): Promise<{ count: number; xml: string }> {
  const all = await feeds.list();
  const xml = writeOpml(all.map((f) => ({ url: f.url, name: f.name, timeZone: f.timeZone, minutes: Math.max(1, Math.round(f.intervalSec / 60)) })), 'Tanbih feeds', now);
  return { count: all.length, xml };
}
