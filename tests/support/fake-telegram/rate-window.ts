/** Counts events inside a sliding time window; amortized O(1) per event, whatever the rate. */
export class SlidingWindow {
  /** Event times, oldest first, live from index `head`. */
  private times: number[] = [];
  private head = 0;

  constructor(readonly windowMs: number) {}

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
