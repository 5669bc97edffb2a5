/**
 * Admin button payloads. Every admin prefix is listed in ADMIN_PREFIXES so the guard can
 * refuse a forged or stale admin button from anyone not in ADMIN_IDS.
 */
import { createCallbackData } from '../../callback-data.js';

/** The broadcast draft panel (the draft itself is the admin's state, not the payload). */
export const draftData = createCallbackData('abd', { action: ['everyone', 'topics', 'breaking', 'send', 'cancel', 'done'] });
/** Toggle one topic in the draft's audience. */
export const draftTopicData = createCallbackData('abt', { topic: 'id' });
/** Cancel a running broadcast (the progress message's button). */
export const stopData = createCallbackData('abx', { id: 'id' });
/** A feed's buttons in /feeds. */
export const feedData = createCallbackData('afd', { action: ['pause', 'resume', 'remove', 'add'], id: 'id' });
/** /ingest: send the previewed article, or drop it. */
export const ingestData = createCallbackData('ain', { action: ['send', 'cancel'] });
/** A feed found on a page (its index in the discovery the dialogue holds). */
export const feedPickData = createCallbackData('afp', { index: 'int' });

export const ADMIN_PREFIXES: readonly string[] = [draftData, draftTopicData, stopData, feedData, ingestData, feedPickData].map((c) => c.prefix);

/** True when callback data belongs to an admin button (whatever follows the prefix). */
export const isAdminCallback = (data: string): boolean => ADMIN_PREFIXES.includes(data.split('|', 1)[0] ?? '');
