/** The raw inputs the pipeline accepts; `parse` turns each into an Article or a Rejection. */

/** One item of an RSS 2.0 / Atom / JSON Feed, as the feed parser yields it. */
export interface FeedItem {
  readonly guid?: string;
  readonly title?: string;
  readonly link?: string;
  /** Machine-readable time from the feed (pubDate, updated, date_published). */
  readonly published?: Date;
  /** The feed's time when it is not machine-readable (`الخميس 22 فبراير 2018 02:02 ص`), read at parse time in the feed's zone. */
  readonly publishedText?: string;
  /** Full content (content:encoded, Atom content), HTML. */
  readonly contentHtml?: string;
  /** Description / summary, HTML or text. */
  readonly summary?: string;
}

export interface ParsedFeed {
  readonly title?: string;
  readonly link?: string;
  readonly items: readonly FeedItem[];
  /** Set when the document was damaged and only its complete items were read. */
  readonly problem?: string;
}

/** Options every kind of input shares. */
export interface InputContext {
  /** The source's IANA time zone, used to read datelines (default: the bot's zone). */
  readonly timeZone?: string;
  readonly outlet?: string;
  readonly url?: string;
}

export type ArticleInput =
  | ({ readonly kind: 'text'; readonly text: string } & InputContext)
  | ({ readonly kind: 'html'; readonly html: string } & InputContext)
  /** `{title?, body, url?, publishedAt?, outlet?}` from the HTTP API or JSON Lines. */
  | ({ readonly kind: 'json'; readonly json: unknown } & InputContext)
  | ({ readonly kind: 'feed-item'; readonly item: FeedItem } & InputContext);
