import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/io.js';
import { run } from '../../../src/cli/preview.js';
import { validateTelegramHtml } from '../../../src/core/telegram-html.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

function collect(s: PassThrough): () => string {
  const chunks: Buffer[] = [];
  s.on('data', (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks).toString('utf8');
}

async function preview(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: {} };
  const out = collect(io.stdout);
  const err = collect(io.stderr);
  io.stdin.end(stdin);
  const code = await run(args, io as CliIo);
  return { code, out: out(), err: err() };
}

describe('tanbih preview', () => {
  it('prints the canonical alert as a subscriber reads it', async () => {
    const { code, out } = await preview(['--tz', 'Asia/Dubai', '--outlet', 'الشرق الأوسط', '--url', 'https://example.com/a', fixture('armenia-withdrawal.txt')]);
    expect(code).toBe(0);
    expect(out).toMatch(/^🔴 بوتين يوافق على سحب القوات الروسية من مناطق أرمينية\n\n/);
    expect(out).toContain('📰 المصدر: الشرق الأوسط — نقلاً عن إنترفاكس وسبوتنيك أرمينيا');
    expect(out).toContain('🕓 الخميس 9 مايو 2024، 16:19 (بتوقيت دبي)');
    expect(out).toContain('🔗 اقرأ الخبر كاملاً: https://example.com/a');
    expect(out).not.toMatch(/<b>|\u200F/);
  });

  it('prints one JSON object with --json', async () => {
    const { code, out } = await preview(['--json', '--tz', 'Asia/Dubai', fixture('armenia-withdrawal.txt')]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, unknown>;
    expect(result).toMatchObject({
      title: 'بوتين يوافق على سحب القوات الروسية من مناطق أرمينية', publishedAt: '2024-05-09T12:19:00.000Z',
      outlet: null, citedSources: ['إنترفاكس', 'سبوتنيك أرمينيا'],
    });
    expect(Array.isArray(result['topics'])).toBe(true);
    expect(result['summary']).toHaveLength(3);
    expect(validateTelegramHtml(String(result['html'])).ok).toBe(true);
  });

  it('reads stdin with "-" and recognizes HTML pages and feeds', async () => {
    const { out } = await preview(['--json', '-'], '<!doctype html><html><body><article><h1>عنوان</h1><p>أعلنت وزارة الصحة المصرية تسجيل انخفاض في عدد الإصابات خلال الأسبوع الماضي في عدد من المحافظات.</p><p>وقالت الوزارة إن حملات التطعيم ستستمر حتى نهاية الشهر الجاري في جميع المراكز الصحية.</p></article></body></html>');
    expect(JSON.parse(out)).toMatchObject({ title: 'عنوان' });
    const feed = await preview(['--json', fixture('articles/gaza-rss.xml')]);
    expect(feed.out.trim().split('\n')).toHaveLength(2);
  });

  it('evaluates JSON Lines, one result per line, errors included', async () => {
    const lines = [
      JSON.stringify({ id: 'a1', title: 'الأردن يفتح معبر جابر', body: 'أعلنت الحكومة الأردنية إعادة فتح معبر جابر الحدودي مع سوريا أمام حركة الشاحنات.' }),
      '{"id": "a2", "body": ',
      JSON.stringify({ id: 'a3', title: 'بلا نص' }),
    ].join('\n');
    const { code, out } = await preview(['--jsonl'], `${lines}\n`);
    expect(code).toBe(0);
    const results = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({ id: 'a1', title: 'الأردن يفتح معبر جابر' });
    expect(results[1]).toMatchObject({ code: 'malformed-json', error: expect.any(String) });
    expect(results[2]).toMatchObject({ id: 'a3', code: 'no-body', error: expect.any(String) });
  });

  it('reads printed dates in JSON Lines and prints a warning for one it cannot read', async () => {
    const body = 'أعلنت الحكومة الأردنية إعادة فتح معبر جابر الحدودي مع سوريا أمام حركة الشاحنات.';
    const lines = [
      JSON.stringify({ id: 'p1', title: 'الأردن يفتح معبر جابر', body, published: '09-08-2025 | 02:28' }),
      JSON.stringify({ id: 'p2', title: 'الأردن يفتح معبر جابر', body, published: 'قبل قليل' }),
    ].join('\n');
    const { out } = await preview(['--jsonl', '--tz', 'Asia/Amman'], `${lines}\n`);
    const [printed, unreadable] = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(printed).toMatchObject({ id: 'p1', publishedAt: '2025-08-08T23:28:00.000Z', timeSource: 'metadata', warnings: [] });
    expect(unreadable).toMatchObject({ id: 'p2', timeSource: 'ingest-time', warnings: [{ code: 'unreadable-date', field: 'published', value: 'قبل قليل' }] });
    expect(unreadable?.['html']).toContain('تعذّرت قراءة وقت النشر في المصدر');
  });

  it('answers bad arguments with the usage and exit 2', async () => {
    expect((await preview(['--bogus', 'x'])).code).toBe(2);
    expect((await preview([])).code).toBe(2);
    const zone = await preview(['--tz', 'Mars/Olympus', fixture('armenia-withdrawal.txt')]);
    expect(zone).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown time zone "Mars\/Olympus"[\s\S]*Usage/) });
  });

  it('answers an unreadable file or a rejected article with a clear error and exit 1', async () => {
    expect(await preview(['/no/such/article.txt'])).toMatchObject({ code: 1, err: expect.stringMatching(/Cannot read \/no\/such\/article\.txt/) });
    expect(await preview(['-'], '\u0000\u0001\u0002')).toMatchObject({ code: 1, err: expect.stringMatching(/Rejected \(binary\)/) });
  });

  it('says an article is stale relative to --now', async () => {
    const late = await preview(['--json', '--now', '2026-12-01T00:00:00Z', fixture('armenia-withdrawal.txt')]);
    expect(JSON.parse(late.out)).toMatchObject({ stale: true });
    const sameDay = await preview(['--json', '--tz', 'Asia/Dubai', '--now', '2024-05-09T18:00:00Z', fixture('armenia-withdrawal.txt')]);
    expect(JSON.parse(sameDay.out)).toMatchObject({ stale: false });
    expect((await preview(['--json', '--now', 'yesterday', fixture('armenia-withdrawal.txt')])).code).toBe(2);
  });

  it('files --jsonl lines into stories in input order: other outlets of one event point to its first line', async () => {
    const lines = [
      { id: 'aa', published: '2024-05-20T06:00:00Z', title: 'إيران تعلن وفاة الرئيس إبراهيم رئيسي ووزير الخارجية إثر تحطم مروحيتهم', body: 'أعلنت إيران، اليوم الاثنين، وفاة الرئيس إبراهيم رئيسي ووزير الخارجية حسين أمير عبد اللهيان ومسؤولين آخرين إثر تحطم الطائرة المروحية التي كانت تقلهم في محافظة أذربيجان الشرقية شمالي غربي إيران.' },
      { id: 'x1', published: '2024-05-20T06:30:00Z', title: 'أرمينيا وأذربيجان تتفقان على ترسيم جزء من حدودهما', body: 'أعلنت الحكومة الأرمينية التوصل إلى اتفاق مع أذربيجان على ترسيم جزء من الحدود بين البلدين في منطقة تافوش الشمالية.' },
      { id: 'bb', published: '2024-05-20T07:00:00Z', title: 'وفاة الرئيس الإيراني ووزير خارجيته في حادث تحطم المروحية', body: 'أعلنت الرئاسة الإيرانية، اليوم الإثنين، عن وفاة الرئيس إبراهيم رئيسي ووزير خارجيته حسين أمير عبداللهيان وجميع مرافقيه في حادث سقوط طائرته المروحية قرب الحدود مع أذربيجان.' },
    ].map((l) => JSON.stringify(l)).join('\n');
    const { code, out } = await preview(['--jsonl', '--now', '2024-05-20T08:00:00Z'], `${lines}\n`);
    expect(code).toBe(0);
    const [first, other, second] = out.trim().split('\n').map((l) => JSON.parse(l) as { stale: boolean; story: { id: string; sameAs?: string } });
    expect(first!.story.sameAs).toBeUndefined();
    expect(other!.story.id).not.toBe(first!.story.id);
    expect(second!.story).toMatchObject({ id: first!.story.id, sameAs: 'aa' });
    expect(first!.stale).toBe(false);
  });
});
