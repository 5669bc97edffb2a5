import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, stringsFor } from '../../../src/bot/i18n/index.js';

const keysOf = (file: string): string[] =>
  [...readFileSync(join(LOCALES_DIR, file), 'utf8').matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((m) => m[1] as string);

/** The message keys fluent-strings.ts asks for (every `tr('key'…)`, conditional ones included). */
const usedKeys = (): Set<string> => {
  const source = readFileSync(new URL('../../../src/bot/i18n/fluent-strings.ts', import.meta.url), 'utf8');
  return new Set([...source.matchAll(/'([a-z][a-z0-9]*(?:-[a-z0-9]+)+|apology|welcome|help)'/g)].map((m) => m[1] as string));
};

describe('the interface strings (Fluent)', () => {
  it('ar.ftl and en.ftl have the same keys, each once', () => {
    const ar = keysOf('ar.ftl');
    const en = keysOf('en.ftl');
    expect(new Set(ar).size).toBe(ar.length);
    expect(en.toSorted()).toEqual(ar.toSorted());
  });

  it('every message the bot asks for exists, and every message in the files is used', () => {
    expect([...usedKeys()].toSorted()).toEqual(keysOf('ar.ftl').toSorted());
  });

  it('keeps user text escaped and isolated, without Fluent\u2019s own isolation marks around numbers', () => {
    const ar = stringsFor('ar');
    expect(ar.follow.followed('Armenia <b>')).toBe('✅ تتابع الآن «\u2068Armenia &lt;b&gt;\u2069».');
    expect(ar.mytopics.header(3)).toBe('<b>مواضيعك (3)</b>\nاضغط موضوعًا لإلغاء متابعته.');
  });
});

/** The Arabic noun after a count, by CLDR category: zero, one, two, few (3–10), many (11–99), other (100, 101…). */
const COUNTS = [0, 1, 2, 3, 10, 11, 100, 101] as const;

/** The counts whose rendering lacks the expected words (empty when all are right). */
const wrongForms = (f: (n: number) => string, expected: readonly string[]): string[] =>
  COUNTS.flatMap((n, i) => (f(n).includes(expected[i] as string) ? [] : [`${n}: ${f(n)}`]));

describe('Arabic counts follow the grammar of numbers', () => {
  const ar = stringsFor('ar');

  it('unfollowing everything: موضوع واحد، موضوعين، 3 مواضيع، 11 موضوعًا، 100 موضوع', () => {
    expect(wrongForms(ar.stop.done, [
      'لم تكن تتابع أي موضوع.', 'ألغيت متابعة موضوع واحد.', 'ألغيت متابعة موضوعين.', 'ألغيت متابعة 3 مواضيع.',
      'ألغيت متابعة 10 مواضيع.', 'ألغيت متابعة 11 موضوعًا.', 'ألغيت متابعة 100 موضوع.', 'ألغيت متابعة 101 موضوع.',
    ])).toEqual([]);
  });

  it('the follow limit', () => {
    expect(wrongForms(ar.follow.tooMany, ['(لا مواضيع)', '(موضوع واحد)', '(موضوعان)', '(3 مواضيع)', '(10 مواضيع)', '(11 موضوعًا)', '(100 موضوع)', '(101 موضوع)'])).toEqual([]);
  });

  it('a message too long, in letters', () => {
    expect(wrongForms((n) => ar.search.tooLong(n, 60), ['(لا أحرف)', '(حرف واحد)', '(حرفان)', '(3 أحرف)', '(10 أحرف)', '(11 حرفًا)', '(100 حرف)', '(101 حرف)'])).toEqual([]);
    expect(ar.search.tooLong(70, 60)).toContain('في 60 حرفًا على الأكثر');
  });

  it('pause durations', () => {
    expect(wrongForms(ar.pause.hours, ['0 ساعة', 'ساعة واحدة', 'ساعتان', '3 ساعات', '10 ساعات', '11 ساعة', '100 ساعة', '101 ساعة'])).toEqual([]);
  });

  it('broadcast recipients', () => {
    expect(wrongForms((n) => ar.admin.broadcast.panel('الجميع', n, false), [
      'لا مستلمين', '<b>مستلم واحد</b>', '<b>مستلمان</b>', '<b>3</b> مستلمين', '<b>10</b> مستلمين', '<b>11</b> مستلمًا', '<b>100</b> مستلم', '<b>101</b> مستلم',
    ])).toEqual([]);
  });

  it('a feed\u2019s poll interval in minutes', () => {
    expect(wrongForms((n) => ar.admin.feeds.line({ name: 'الجزيرة', url: 'https://example.com/rss', paused: false, intervalSec: n * 60, itemsSeen: 0 }), [
      'كل 0 دقيقة', 'كل دقيقة', 'كل دقيقتين', 'كل 3 دقائق', 'كل 10 دقائق', 'كل 11 دقيقة', 'كل 100 دقيقة', 'كل 101 دقيقة',
    ])).toEqual([]);
  });

  it('the audience of an ingested article', () => {
    expect(wrongForms((n) => ar.admin.ingest.preview(n, ['أرمينيا']), [
      'لا أحد', '<b>محادثة واحدة</b>', '<b>محادثتان</b>', '<b>3</b> محادثات', '<b>10</b> محادثات', '<b>11</b> محادثة', '<b>100</b> محادثة', '<b>101</b> محادثة',
    ])).toEqual([]);
    expect(wrongForms(ar.admin.ingest.queued, ['لا أحد', 'محادثة واحدة', 'محادثتين', '3 محادثات', '10 محادثات', '11 محادثة', '100 محادثة', '101 محادثة'])).toEqual([]);
  });

  it('alerts and messages of the last 24 hours', () => {
    expect(wrongForms((n) => ar.admin.stats.last24h(n, n), [
      'لا تنبيهات، لا رسائل', 'تنبيه واحد، رسالة واحدة', 'تنبيهان، رسالتان', '3 تنبيهات، 3 رسائل',
      '10 تنبيهات، 10 رسائل', '11 تنبيهًا، 11 رسالة', '100 تنبيه، 100 رسالة', '101 تنبيه، 101 رسالة',
    ])).toEqual([]);
  });

  it('English has one and other', () => {
    const en = stringsFor('en');
    expect(COUNTS.map(en.stop.done).map((s) => s.split('.')[0])).toEqual([
      'You followed no topics', 'Unfollowed 1 topic', 'Unfollowed 2 topics', 'Unfollowed 3 topics',
      'Unfollowed 10 topics', 'Unfollowed 11 topics', 'Unfollowed 100 topics', 'Unfollowed 101 topics',
    ]);
    expect(en.admin.broadcast.panel('everyone', 1, false)).toContain('<b>1</b> recipient\n');
  });
});
