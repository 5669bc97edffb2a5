/**
 * JSON encodings of what the store keeps. Decoders validate (zod) so a value written by
 * an older version, or by hand, fails loudly with the key's kind rather than leaking
 * a malformed object into delivery.
 */
import { z } from 'zod';
import { asBroadcastId, asChatId, asFeedId, asTopicId, asUserId } from '../core/ids.js';
import type { PreparedArticle } from '../core/prepared.js';
import type { Topic } from '../core/topic.js';
import type { Broadcast, Chat, Feed } from './ports.js';

const chatId = z.number().int().transform(asChatId);
const topicId = z.string().transform(asTopicId);

const chatSchema = z.object({
  id: chatId,
  type: z.enum(['private', 'group', 'supergroup', 'channel']),
  title: z.string().optional(),
  language: z.enum(['ar', 'en']),
  timeZone: z.string(),
  status: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('active') }),
    z.object({
      kind: z.literal('inactive'),
      reason: z.enum(['blocked', 'deactivated', 'kicked', 'chat-not-found', 'left']),
      since: z.number(),
    }),
  ]),
  pausedUntil: z.number().optional(),
  delivery: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('instant') }),
    z.object({ kind: z.literal('hourly') }),
    z.object({ kind: z.literal('daily'), hour: z.number().int().min(0).max(23) }),
  ]),
  quietHours: z.object({ fromMinute: z.number().int(), toMinute: z.number().int() }).optional(),
  createdAt: z.number(),
});

const feedSchema = z.object({
  id: z.string().transform(asFeedId),
  url: z.string(),
  name: z.string(),
  timeZone: z.string(),
  intervalSec: z.number(),
  paused: z.boolean(),
  addedAt: z.number(),
  // Feeds stored before the sequence existed sort first among equal times (then by id).
  seq: z.number().int().default(0),
});

const messageRef = z.object({ chatId, messageId: z.number().int() });
const broadcastSchema = z.object({
  id: z.string().transform(asBroadcastId),
  admin: z.number().int().transform(asUserId),
  source: messageRef,
  audience: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('everyone') }),
    z.object({ kind: z.literal('topics'), topics: z.array(topicId) }),
  ]),
  breaking: z.boolean(),
  state: z.enum(['draft', 'sending', 'done', 'cancelled']),
  createdAt: z.number(),
  startedAt: z.number().optional(),
  finishedAt: z.number().optional(),
  progressMessage: messageRef.optional(),
});

function decodeWith<T>(schema: z.ZodType<T>, kind: string, json: string): T {
  const parsed = schema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`store: malformed ${kind}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export const encodeChat = (chat: Chat): string => JSON.stringify(chat);
export const decodeChat = (json: string): Chat => decodeWith(chatSchema, 'chat', json) as Chat;
export const encodeFeed = (feed: Feed): string => JSON.stringify(feed);
export const decodeFeed = (json: string): Feed => decodeWith(feedSchema, 'feed', json) as Feed;
export const encodeBroadcast = (b: Broadcast): string => JSON.stringify(b);
export const decodeBroadcast = (json: string): Broadcast => decodeWith(broadcastSchema, 'broadcast', json) as Broadcast;

/** Topics are written by keywordTopic (core); stored as given. */
export const encodeTopic = (t: Topic): string => JSON.stringify(t);
export const decodeTopic = (json: string): Topic => JSON.parse(json) as Topic;

/** Dates become ISO strings; `article.publishedAt` is the one Date in a PreparedArticle. */
export const encodePrepared = (p: PreparedArticle): string => JSON.stringify(p);
export function decodePrepared(json: string): PreparedArticle {
  const raw = JSON.parse(json) as PreparedArticle & { article: { publishedAt: string } };
  const publishedAt = new Date(raw.article.publishedAt);
  if (Number.isNaN(publishedAt.getTime())) throw new Error('store: malformed article: publishedAt');
  return { ...raw, article: { ...raw.article, publishedAt } };
}

/** Drops undefined-valued properties (JSON would drop them anyway; keeps equality checks honest). */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
