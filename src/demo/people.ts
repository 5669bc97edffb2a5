/** The playground's three people: the page's user switcher, the seed and the scripted session share them. */
export type PersonKey = 'reader' | 'english' | 'admin';

export interface Person {
  readonly key: PersonKey;
  /** Fixed ids so ADMIN_IDS can name the admin before the emulator starts. */
  readonly id: number;
  readonly firstName: string;
  readonly languageCode: 'ar' | 'en';
  /** What the switcher shows. */
  readonly label: string;
  readonly admin: boolean;
}

export const PEOPLE: readonly Person[] = [
  { key: 'reader', id: 10_000_001, firstName: 'سارة', languageCode: 'ar', label: 'سارة · قارئة', admin: false },
  { key: 'english', id: 10_000_002, firstName: 'Emma', languageCode: 'en', label: 'Emma · English', admin: false },
  { key: 'admin', id: 10_000_003, firstName: 'عمر', languageCode: 'ar', label: 'عمر · مشرف', admin: true },
];

export const isPersonKey = (value: unknown): value is PersonKey => PEOPLE.some((p) => p.key === value);

export const personOf = (key: PersonKey): Person => PEOPLE.find((p) => p.key === key) as Person;
