/**
 * The bot's one string system: Fluent messages in src/bot/locales/*.ftl, loaded once by
 * @grammyjs/i18n and exposed as typed Strings (fluent-strings.ts), for readers and admins alike.
 * The language is negotiated per update in contextSetup: the chat's saved choice, else
 * the sender's Telegram language.
 */
import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';
import type { Language } from '../../store/ports.js';
import { stringsFromFluent } from './fluent-strings.js';
import type { Strings } from './strings.js';

export type { AdminStrings, FeedLine, Progress, Strings } from './strings.js';

// No trailing slash: the plugin's directory reader needs the bare path.
export const LOCALES_DIR = fileURLToPath(new URL('../locales', import.meta.url));
export const LANGUAGES: readonly Language[] = ['ar', 'en'];

/**
 * Loads the .ftl files. useIsolating is off: fluent-strings.ts isolates user text itself
 * and Fluent's own marks would also wrap numbers and HTML fragments (noise in every
 * message, and in button labels a tester or a screen reader meets as stray characters).
 */
export function loadLocales(directory: string = LOCALES_DIR): I18n {
  return new I18n({ defaultLocale: 'ar', directory, fluentBundleOptions: { useIsolating: false } });
}

let loaded: Readonly<Record<Language, Strings>> | undefined;

/** The strings of a language. The files are data shipped with the code: read on first use, then kept. */
export function stringsFor(language: Language): Strings {
  if (!loaded) {
    const i18n = loadLocales();
    const of = (lang: Language): Strings => stringsFromFluent((key, vars) => i18n.t(lang, key, vars));
    loaded = { ar: of('ar'), en: of('en') };
  }
  return loaded[language];
}

/**
 * Arabic first: Arabic for `ar*` and for users whose client does not say; English for
 * any other declared language.
 */
export function languageFromTelegram(languageCode: string | undefined): Language {
  if (!languageCode) return 'ar';
  return languageCode.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}
