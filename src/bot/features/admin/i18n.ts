/** Picks the admin strings for the chat's language. */
import type { Language } from '../../../store/ports.js';
import { ar } from './strings-ar.js';
import { en, type AdminStrings } from './strings.js';

export type { AdminStrings };

export const adminStrings = (lang: Language): AdminStrings => (lang === 'ar' ? ar : en);
