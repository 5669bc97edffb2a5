/**
 * The alert's time line: Gregorian calendar, explicit digits and an explicit zone, always —
 * "الخميس 9 مايو 2024، 16:19".
 */
import { formatterFor } from '../time.js';

export interface TimeFormat {
  readonly timeZone: string;
  readonly numberingSystem?: 'latn' | 'arab';
  /** 'day' shows the date only (the source gave no time of day). */
  readonly precision?: 'minute' | 'day';
}

const alertShape = (numberingSystem: 'latn' | 'arab') => formatterFor('ar', {
  calendar: 'gregory', numberingSystem, hourCycle: 'h23',
  weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
});
const alertFormat = { latn: alertShape('latn'), arab: alertShape('arab') };
const zoneName = formatterFor('ar', { timeZoneName: 'long' });

// One article is rendered for many subscribers in few zones: the same line comes back again and again.
const recent = new Map<string, string>();
const RECENT_LIMIT = 2000;

/** "الخميس 9 مايو 2024، 16:19" (or the date alone) in the given zone and digits. */
export function formatAlertTime(date: Date, format: TimeFormat): string {
  const key = `${date.getTime()}|${format.timeZone}|${format.numberingSystem ?? 'latn'}|${format.precision ?? 'minute'}`;
  const known = recent.get(key);
  if (known !== undefined) return known;
  const line = formatUncached(date, format);
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(key, line);
  return line;
}

function formatUncached(date: Date, format: TimeFormat): string {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of alertFormat[format.numberingSystem ?? 'latn'](format.timeZone).formatToParts(date)) parts[p.type] = p.value;
  const day = `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
  return format.precision === 'day' ? day : `${day}، ${parts.hour}:${parts.minute}`;
}

// Arabic names for the zones subscribers and sources most often use; others fall back to Intl.
const CITY: Readonly<Record<string, string>> = {
  'Asia/Dubai': 'دبي', 'Asia/Riyadh': 'الرياض', 'Africa/Cairo': 'القاهرة', 'Asia/Baghdad': 'بغداد',
  'Asia/Damascus': 'دمشق', 'Asia/Beirut': 'بيروت', 'Asia/Amman': 'عمّان', 'Asia/Jerusalem': 'القدس',
  'Asia/Gaza': 'غزة', 'Asia/Hebron': 'الخليل', 'Asia/Kuwait': 'الكويت', 'Asia/Qatar': 'الدوحة',
  'Asia/Bahrain': 'المنامة', 'Asia/Muscat': 'مسقط', 'Asia/Aden': 'عدن', 'Africa/Khartoum': 'الخرطوم',
  'Africa/Tripoli': 'طرابلس', 'Africa/Tunis': 'تونس', 'Africa/Algiers': 'الجزائر', 'Africa/Casablanca': 'الدار البيضاء',
  'Africa/Nouakchott': 'نواكشوط', 'Africa/Mogadishu': 'مقديشو', 'Africa/Djibouti': 'جيبوتي', 'Europe/Moscow': 'موسكو',
  'Asia/Yerevan': 'يريفان', 'Asia/Baku': 'باكو', 'Asia/Tbilisi': 'تبليسي', 'Europe/Istanbul': 'إسطنبول',
  'Asia/Tehran': 'طهران', 'Europe/London': 'لندن', 'Europe/Paris': 'باريس', 'Europe/Berlin': 'برلين',
  'America/New_York': 'نيويورك', 'UTC': 'غرينتش', 'Etc/UTC': 'غرينتش', 'GMT': 'غرينتش',
};

/** "(بتوقيت دبي)"-style label for a zone: a city name when known, else Intl's Arabic zone name. */
export function zoneLabel(timeZone: string): string {
  const city = CITY[timeZone];
  if (city) return `بتوقيت ${city}`;
  let label = labels.get(timeZone);
  if (label === undefined) {
    const name = zoneName(timeZone).formatToParts(new Date(0)).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
    label = /^(?:ال)?توقيت/.test(name) ? name : `بتوقيت ${name}`;
    labels.set(timeZone, label);
  }
  return label;
}

const labels = new Map<string, string>();
