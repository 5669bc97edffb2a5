/**
 * Time zones and Intl date formatters, in one place: whether a zone is one this runtime knows,
 * its canonical name, and the formatters every module reads wall-clock time with.
 *
 * Formatters are cached because building an Intl.DateTimeFormat costs far more than using one.
 * One cache serves every shape, bounded because zones arrive from users and feeds (and Intl
 * accepts any casing, `asia/riyadh` as well as `Asia/Riyadh`).
 */

export type FormatShape = Omit<Intl.DateTimeFormatOptions, 'timeZone'>;

const FORMATTER_LIMIT = 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();
// A shape is named by a short id, so the per-call key is `id|zone`, not the options spelled out.
const shapeIds = new Map<string, number>();

/**
 * The cached formatter getter for one locale and set of options: call it with a zone. Define
 * shapes once at module level. The getter throws RangeError on a zone Intl does not know.
 */
export function formatterFor(locale: string, options: FormatShape): (timeZone: string) => Intl.DateTimeFormat {
  const spelled = `${locale}|${JSON.stringify(options)}`;
  let id = shapeIds.get(spelled);
  if (id === undefined) shapeIds.set(spelled, (id = shapeIds.size));
  const prefix = `${id}|`;
  return (timeZone) => {
    const key = prefix + timeZone;
    let f = formatters.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      // Oldest first out: Map keeps insertion order.
      if (formatters.size >= FORMATTER_LIMIT) formatters.delete(formatters.keys().next().value ?? '');
      formatters.set(key, f);
    }
    return f;
  };
}

const plain = formatterFor('en', {});
// Every article asks for its source's zone: resolvedOptions() is costly, the answer never changes.
const canonicalNames = new Map<string, string | null>();

/** The zone's canonical IANA name (`asia/riyadh` → `Asia/Riyadh`), or undefined when this runtime does not know it. */
export function canonicalTimeZone(zone: string): string | undefined {
  const known = canonicalNames.get(zone);
  if (known !== undefined) return known ?? undefined;
  let canonical: string | null;
  try {
    canonical = plain(zone).resolvedOptions().timeZone || null;
  } catch {
    canonical = null;
  }
  if (canonicalNames.size >= FORMATTER_LIMIT) canonicalNames.delete(canonicalNames.keys().next().value ?? '');
  canonicalNames.set(zone, canonical);
  return canonical ?? undefined;
}

/** True when `zone` is an IANA time zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== undefined;
}
