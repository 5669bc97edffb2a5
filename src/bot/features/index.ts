/**
 * Every user feature, in the order they are mounted: commands and buttons first, the
 * catch-all text search last so it never swallows a command.
 */
import { Composer } from 'grammy';
import { keywordTopic } from '../../core/keyword-topic.js';
import type { BotContext } from '../context.js';
import type { BotDeps } from '../deps.js';
import { createChatSettingsService } from '../services/chat-settings.js';
import { createFollowService } from '../services/follows.js';
import { createNewsService } from '../services/news.js';
import { createMemoryPendingKeywords, createRedisPendingKeywords } from '../services/pending-keywords.js';
import { createChannelsFeature } from './channels.js';
import { createFollowFeature } from './follow.js';
import { createHelpFeature } from './help.js';
import { createLatestFeature } from './latest.js';
import { createMembershipFeature } from './membership.js';
import { createMyTopicsFeature } from './mytopics.js';
import { createPauseFeature } from './pause.js';
import { createSearchFeature } from './search.js';
import { createSettingsFeature } from './settings.js';
import { createStartFeature } from './start.js';
import { createStopFeature } from './stop.js';
import { createTopicsFeature } from './topics.js';
import { createWhyFeature } from './why.js';

export function createUserFeatures(deps: BotDeps): Composer<BotContext> {
  const { chats, subscriptions, keywords, articles, stories } = deps.stores;
  const { catalog, clock } = deps;
  const follows = createFollowService({
    chats, subscriptions, keywords, catalog,
    keywordTopic: (words) => {
      const made = keywordTopic(words);
      return made.ok ? made.value : undefined;
    },
    ...(deps.learnKeyword ? { learnKeyword: deps.learnKeyword } : {}),
  });
  const settings = createChatSettingsService({ chats, logger: deps.logger, ...(deps.releaseHeld ? { releaseHeld: deps.releaseHeld } : {}) });
  const news = createNewsService({ articles, subscriptions, ...(stories ? { stories } : {}) });
  const pending = deps.redis ? createRedisPendingKeywords(deps.redis.client, deps.redis.keys) : createMemoryPendingKeywords();
  const searchDeps = { follows, catalog, chats, pending };

  return new Composer<BotContext>(
    createMembershipFeature({ chats, clock }),
    createStartFeature({ chats }),
    createHelpFeature(),
    createTopicsFeature({ follows, catalog, chats }),
    createFollowFeature(searchDeps),
    createMyTopicsFeature({ follows, chats }),
    createLatestFeature({ news, catalog, defaultTimeZone: deps.defaultTimeZone }),
    createWhyFeature({ news, catalog }),
    createPauseFeature({ settings, chats, clock }),
    createSettingsFeature({ settings, chats }),
    createStopFeature({ follows, chats }),
    createChannelsFeature({ chats }),
    createSearchFeature(searchDeps),
  );
}
