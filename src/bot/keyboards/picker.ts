/**
 * The topic picker's screens: categories → a page of topics with ✅ on those followed.
 * Pure: text and keyboard from data, so the toggle handler redraws the same page in place.
 */
import { InlineKeyboard } from 'grammy';
import type { TopicId } from '../../core/ids.js';
import type { Topic } from '../../core/topic.js';
import type { Language } from '../../store/ports.js';
import { CATEGORIES, type Category } from '../catalog.js';
import { menuData, pageData, toggleData } from '../callbacks.js';
import type { Strings } from '../i18n/index.js';

export const PAGE_SIZE = 10;

export interface Screen {
  readonly text: string;
  readonly keyboard: InlineKeyboard;
}

export function categoriesScreen(t: Strings, target: number, chatTitle?: string): Screen {
  const keyboard = new InlineKeyboard();
  CATEGORIES.forEach((cat, i) => {
    keyboard.text(t.categories[cat], pageData.pack({ target, cat, page: 0 }));
    if (i % 2 === 1) keyboard.row();
  });
  return { text: t.picker.choose(chatTitle), keyboard };
}

export interface PageInput {
  readonly t: Strings;
  readonly lang: Language;
  readonly target: number;
  readonly category: Category;
  readonly page: number;
  readonly topics: readonly Topic[];
  readonly followed: ReadonlySet<TopicId>;
  readonly chatTitle?: string;
}

/** One page; an out-of-range page number (stale or forged button) shows the nearest page. */
export function pageScreen(input: PageInput): Screen {
  const { t, target, category, topics, followed } = input;
  const pages = Math.max(1, Math.ceil(topics.length / PAGE_SIZE));
  const page = Math.min(Math.max(0, input.page), pages - 1);
  const keyboard = new InlineKeyboard();
  topics.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).forEach((topic, i) => {
    const mark = followed.has(topic.id) ? '✅ ' : '';
    keyboard.text(`${mark}${topic.names[input.lang]}`, toggleData.pack({ target, cat: category, page, topic: topic.id }));
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row();
  if (page > 0) keyboard.text(t.picker.prev, pageData.pack({ target, cat: category, page: page - 1 }));
  keyboard.text(t.picker.back, menuData.pack({ target }));
  if (page < pages - 1) keyboard.text(t.picker.next, pageData.pack({ target, cat: category, page: page + 1 }));
  const text = topics.length === 0 ? t.picker.empty : t.picker.page(t.categories[category], page + 1, pages, input.chatTitle);
  return { text, keyboard };
}
