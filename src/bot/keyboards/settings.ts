/** The /settings screens: home, daily-digest hour, quiet-hours presets, time zones. Pure. */
import { InlineKeyboard } from 'grammy';
import type { Chat, QuietHours } from '../../store/ports.js';
import { settingsData } from '../callbacks.js';
import type { Strings } from '../i18n/index.js';
import type { ScreenLike } from '../reply.js';

/** The region's common zones; any other IANA zone can be typed with /timezone. */
export const ZONES = [
  'Asia/Riyadh', 'Asia/Dubai', 'Asia/Qatar', 'Asia/Kuwait', 'Asia/Bahrain', 'Asia/Muscat', 'Asia/Baghdad',
  'Asia/Amman', 'Asia/Damascus', 'Asia/Beirut', 'Asia/Gaza', 'Asia/Aden', 'Africa/Cairo', 'Africa/Khartoum',
  'Africa/Tripoli', 'Africa/Tunis', 'Africa/Algiers', 'Africa/Casablanca', 'Africa/Nouakchott', 'Europe/Istanbul',
  'Asia/Tehran', 'Europe/London', 'Europe/Berlin', 'America/New_York',
] as const;

/** Quiet-hours presets as local minutes; index 0 turns them off. */
export const QUIET_PRESETS: readonly (QuietHours | null)[] = [
  null,
  { fromMinute: 22 * 60, toMinute: 7 * 60 },
  { fromMinute: 23 * 60, toMinute: 6 * 60 },
  { fromMinute: 0, toMinute: 8 * 60 },
  { fromMinute: 21 * 60, toMinute: 6 * 60 },
];

const hhmm = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export function quietLabel(t: Strings, quiet: QuietHours | null | undefined): string {
  return quiet ? t.settings.quiet(hhmm(quiet.fromMinute), hhmm(quiet.toMinute)) : t.settings.quietOff;
}

const data = (key: Parameters<typeof settingsData.pack>[0]['key'], value: string | number = 0) =>
  settingsData.pack({ key, value: String(value) });

const mark = (on: boolean, label: string): string => (on ? `• ${label}` : label);

export function homeScreen(t: Strings, chat: Chat): ScreenLike {
  const d = chat.delivery;
  const delivery = d.kind === 'instant' ? t.settings.instant : d.kind === 'hourly' ? t.settings.hourly : t.settings.daily(d.hour);
  const keyboard = new InlineKeyboard()
    .text(mark(d.kind === 'instant', t.settings.instant), data('instant'))
    .text(mark(d.kind === 'hourly', t.settings.hourly), data('hourly')).row()
    .text(mark(d.kind === 'daily', t.settings.daily()), data('daily')).row()
    .text(t.settings.quietButton, data('quiet'))
    .text(t.settings.timeZoneButton, data('tz')).row()
    .text(t.settings.languageButton, data('lang', chat.language === 'ar' ? 'en' : 'ar'));
  const text = t.settings.home({
    delivery, quiet: quietLabel(t, chat.quietHours), timeZone: chat.timeZone, language: chat.language === 'ar' ? 'العربية' : 'English',
  });
  return { text, keyboard };
}

export function hourScreen(t: Strings): ScreenLike {
  const keyboard = new InlineKeyboard();
  for (let h = 0; h < 24; h++) {
    keyboard.text(`${String(h).padStart(2, '0')}:00`, data('hour', h));
    if (h % 6 === 5) keyboard.row();
  }
  return { text: t.settings.chooseHour, keyboard: keyboard.text(t.picker.back, data('home')) };
}

export function quietScreen(t: Strings): ScreenLike {
  const keyboard = new InlineKeyboard();
  QUIET_PRESETS.forEach((q, i) => keyboard.text(quietLabel(t, q), data('quietset', i)).row());
  return { text: t.settings.chooseQuiet, keyboard: keyboard.text(t.picker.back, data('home')) };
}

export function zoneScreen(t: Strings): ScreenLike {
  const keyboard = new InlineKeyboard();
  ZONES.forEach((z, i) => {
    keyboard.text(z.slice(z.indexOf('/') + 1).replace(/_/g, ' '), data('tzset', i));
    if (i % 3 === 2) keyboard.row();
  });
  return { text: t.settings.chooseZone, keyboard: keyboard.row().text(t.picker.back, data('home')) };
}
