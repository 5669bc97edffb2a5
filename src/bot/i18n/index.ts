/** Picks the UI language: the chat's saved choice, else Arabic unless Telegram says otherwise. */
import type { Language } from '../../store/ports.js';
import { ar } from './ar.js';
import { en } from './en.js';
import type { Strings } from './strings.js';

export type { Strings };

const byLanguage: Readonly<Record<Language, Strings>> = { ar, en };

export function stringsFor(language: Language): Strings {
  return byLanguage[language];
}

/**
 * Arabic first: Arabic for `ar*` and for users whose client does not say; English for
 * any other declared language.
 */
export function languageFromTelegram(languageCode: string | undefined): Language {
  if (!languageCode) return 'ar';
  return languageCode.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}
