/** Counts events inside a sliding time window; amortized O(1) per event, whatever the rate. */
export class SlidingWindow {
  /** Event times, oldest first, live from index `head`. */
  private times: number[] = [];
  private head = 0;

  readonly windowMs: number;

  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }

  /** Events in (now - windowMs, now]. */
  count(now: number): number {
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= now - this.windowMs) this.head++;
    if (this.head > 4096) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  add(now: number): void {
    this.times.push(now);
  }
}

/** What the Bot API saw of one bot's sends: how many arrived, and the most inside any sliding window. */
export interface ArrivalStats {
  readonly arrivals: number;
  readonly maxPerWindow: number;
}

/**
 * Counts send arrivals per bot (Telegram's limits are per bot token) in a sliding window and
 * keeps the highest count seen: a window's count peaks on an arrival, so checking it at each
 * arrival finds the busiest window there was. Amortized O(1) per arrival.
 */
export class ArrivalCounter {
  private readonly bots = new Map<number, { window: SlidingWindow; arrivals: number; maxPerWindow: number }>();

  readonly windowMs: number;

  constructor(windowMs = 1000) {
    this.windowMs = windowMs;
  }

  add(botId: number, now: number): void {
    let bot = this.bots.get(botId);
    if (!bot) this.bots.set(botId, (bot = { window: new SlidingWindow(this.windowMs), arrivals: 0, maxPerWindow: 0 }));
    bot.window.add(now);
    bot.arrivals++;
    bot.maxPerWindow = Math.max(bot.maxPerWindow, bot.window.count(now));
  }

  of(botId: number): ArrivalStats {
    const bot = this.bots.get(botId);
    return { arrivals: bot?.arrivals ?? 0, maxPerWindow: bot?.maxPerWindow ?? 0 };
  }

  clear(): void {
    this.bots.clear();
  }
}
