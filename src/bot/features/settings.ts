/**
 * /settings: delivery (instant, hourly digest, daily digest at an hour), quiet hours, time
 * zone (the region's common zones, or /timezone Area/City) and interface language.
 */
import { Composer } from 'grammy';
import { canonicalTimeZone } from '../../core/time.js';
import type { ChatPatch, ChatStore } from '../../store/ports.js';
import { settingsData } from '../callbacks.js';
import type { BotContext } from '../context.js';
import { stringsFor } from '../i18n/index.js';
import { homeScreen, hourScreen, QUIET_PRESETS, quietScreen, ZONES, zoneScreen } from '../keyboards/settings.js';
import { editScreen, HTML, refuse, replyScreen } from '../reply.js';
import type { ChatSettingsService } from '../services/chat-settings.js';
import { resolveTarget } from '../target.js';

export interface SettingsFeatureDeps {
  readonly settings: ChatSettingsService;
  readonly chats: Pick<ChatStore, 'channelsOf' | 'get'>;
}

/** The change a settings button asks for, or undefined for a screen-only button or a forged value. */
function patchFor(key: string, value: string): ChatPatch | undefined {
  const n = Number(value);
  switch (key) {
    case 'instant': return { delivery: { kind: 'instant' } };
    case 'hourly': return { delivery: { kind: 'hourly' } };
    case 'hour': return Number.isInteger(n) && n >= 0 && n < 24 ? { delivery: { kind: 'daily', hour: n } } : undefined;
    case 'quietset': return n >= 0 && n < QUIET_PRESETS.length ? { quietHours: QUIET_PRESETS[n] ?? null } : undefined;
    case 'tzset': return ZONES[n] ? { timeZone: ZONES[n] } : undefined;
    case 'lang': return value === 'ar' || value === 'en' ? { language: value } : undefined;
    default: return undefined;
  }
}

export function createSettingsFeature(deps: SettingsFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('settings', async (ctx) => {
    const resolved = await resolveTarget(ctx, 0, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    await replyScreen(ctx, homeScreen(ctx.t, await deps.settings.get(resolved.target)));
  });

  feature.command('timezone', async (ctx) => {
    const resolved = await resolveTarget(ctx, 0, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    const zone = ctx.match.trim();
    if (zone === '') return void (await ctx.reply(ctx.t.settings.zoneUsage, HTML));
    const canonical = zone.length > 64 ? undefined : canonicalTimeZone(zone);
    if (canonical === undefined) return void (await ctx.reply(ctx.t.settings.zoneInvalid(zone.slice(0, 64)), HTML));
    await deps.settings.change(resolved.target, { timeZone: canonical });
    await ctx.reply(ctx.t.settings.zoneSet(canonical), HTML);
  });

  feature.callbackQuery(settingsData.filter(), async (ctx, next) => {
    const data = settingsData.unpack(ctx.callbackQuery.data);
    if (!data) return next();
    const resolved = await resolveTarget(ctx, 0, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    await ctx.answerCallbackQuery();
    if (data.key === 'daily') return editScreen(ctx, hourScreen(ctx.t));
    if (data.key === 'quiet') return editScreen(ctx, quietScreen(ctx.t));
    if (data.key === 'tz') return editScreen(ctx, zoneScreen(ctx.t));
    const patch = patchFor(data.key, data.value);
    const chat = patch ? await deps.settings.change(resolved.target, patch) : await deps.settings.get(resolved.target);
    // A language change answers in the new language at once.
    await editScreen(ctx, homeScreen(stringsFor(chat.language), chat));
  });

  return feature;
}
