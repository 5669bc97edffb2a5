/**
 * Every button payload the user features send, in one place so prefixes cannot clash.
 * `target` is the chat whose topics a button changes: 0 means the chat the button is
 * in; a channel id means a linked channel managed from the private chat.
 */
import { CATEGORIES } from './catalog.js';
import { createCallbackData } from './callback-data.js';

/** Topic picker: the category list. */
export const menuData = createCallbackData('menu', { target: 'int' });
/** Topic picker: one page of a category. */
export const pageData = createCallbackData('page', { target: 'int', cat: CATEGORIES, page: 'int' });
/** Topic picker: toggle a topic, then redraw the same page. */
export const toggleData = createCallbackData('tog', { target: 'int', cat: CATEGORIES, page: 'int', topic: 'id' });
/** Search results and /follow suggestions: follow one topic. */
export const followData = createCallbackData('fol', { target: 'int', topic: 'id' });
/** Follow the words the user searched for as a free keyword (words kept server-side by id). */
export const keywordData = createCallbackData('kw', { target: 'int', topic: 'id' });
/** /mytopics: unfollow one topic. */
export const unfollowData = createCallbackData('unf', { target: 'int', topic: 'id' });
/** /pause durations in hours. */
export const pauseData = createCallbackData('pause', { hours: ['1', '8', '24'] });
/** /stop confirmation. */
export const stopData = createCallbackData('stop', { answer: ['yes', 'no'] });
/** /settings: which screen or which change. */
export const settingsData = createCallbackData('set', {
  key: ['home', 'instant', 'hourly', 'daily', 'hour', 'quiet', 'quietset', 'tz', 'tzset', 'lang'],
  value: 'id',
});
/** /channels: manage or unlink a linked channel. */
export const channelData = createCallbackData('chan', { action: ['manage', 'unlink'], channel: 'int' });
