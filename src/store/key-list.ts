/** Collects the KEYS of one script call and hands out their (0-based) indexes, each key once. */
export class KeyList {
  readonly keys: string[] = [];
  readonly #index = new Map<string, number>();

  /** The index of `key`, adding it on first use. */
  at(key: string): number {
    let i = this.#index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.#index.set(key, i);
    }
    return i;
  }
}
