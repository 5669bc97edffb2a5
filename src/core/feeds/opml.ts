/**
 * OPML, the file feed readers import and export: outlines with `xmlUrl` are feeds, outlines
 * without one are folders (read through, any depth). Besides the standard `text`/`title` and
 * `xmlUrl`, Tanbih writes and reads two attributes of its own: `timeZone` (the IANA zone its
 * datelines are read in) and `pollMinutes`; other readers ignore them, and a file from another
 * reader simply has neither (the instance's defaults apply).
 */
import { generateOpml, parseOpml } from 'feedsmith';
import { err, ok, type Result } from '../result.js';
import { checkFeedFields, type FeedFields } from './feed-fields.js';

const EXTRA = ['timeZone', 'pollMinutes'] as const;

/** An outline that could not become a feed, and why. */
export interface OpmlProblem {
  readonly outline: string;
  readonly reason: string;
}

export interface OpmlFeeds {
  /** Valid feeds in document order, each URL once. */
  readonly feeds: readonly FeedFields[];
  /** Outlines repeated in the file (same URL), skipped. */
  readonly repeated: number;
  readonly broken: readonly OpmlProblem[];
}

type Outline = { text?: string; title?: string; xmlUrl?: string; timeZone?: string; pollMinutes?: string; outlines?: Outline[] };

const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
};

/** Reads an OPML document; a document that is not OPML at all is an error with the reason. */
export function readOpml(text: string): Result<OpmlFeeds, string> {
  let outlines: Outline[];
  try {
    outlines = (parseOpml(text, { extraOutlineAttributes: EXTRA }).body?.outlines ?? []) as Outline[];
  } catch (e) {
    return err(`not an OPML document: ${e instanceof Error ? e.message : String(e)}`);
  }
  const feeds: FeedFields[] = [];
  const broken: OpmlProblem[] = [];
  const seen = new Set<string>();
  let repeated = 0;
  const visit = (list: readonly Outline[]): void => {
    for (const o of list) {
      const label = (o.title ?? o.text ?? o.xmlUrl ?? '').trim();
      if (o.xmlUrl === undefined) {
        if (o.outlines?.length) visit(o.outlines);
        else broken.push({ outline: label || '(untitled)', reason: 'no xmlUrl: not a feed' });
        continue;
      }
      const url = o.xmlUrl.trim();
      const checked = checkFeedFields({
        url, name: label && label !== url ? label : (hostOf(url) ?? url),
        ...(o.timeZone ? { timeZone: o.timeZone.trim() } : {}), ...(o.pollMinutes ? { minutes: o.pollMinutes.trim() } : {}),
      });
      if (!checked.ok) broken.push({ outline: label || url, reason: checked.error });
      else if (seen.has(checked.value.url)) repeated++;
      else {
        seen.add(checked.value.url);
        feeds.push(checked.value);
      }
      if (o.outlines?.length) visit(o.outlines);
    }
  };
  visit(outlines);
  return ok({ feeds, repeated, broken });
}

/** Writes feeds as OPML 2.0, with the zone and interval of each so another instance reads them back. */
export function writeOpml(feeds: readonly Required<Pick<FeedFields, 'url' | 'name' | 'timeZone' | 'minutes'>>[], title: string, created: Date): string {
  return generateOpml({
    head: { title, dateCreated: created },
    body: {
      outlines: feeds.map((f) => ({
        text: f.name, title: f.name, type: 'rss', xmlUrl: f.url, timeZone: f.timeZone, pollMinutes: String(f.minutes),
      })),
    },
  }, { extraOutlineAttributes: EXTRA });
}
