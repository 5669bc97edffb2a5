/** Arabic admin strings (see strings.ts for the contract). */
import { escapeHtml as e } from '../../../core/render/escape.js';
import { mmss } from './format.js';
import type { AdminStrings } from './strings.js';

const arPlural = new Intl.PluralRules('ar');
/** "ساعتين", "5 ساعات", "36 ساعة": Arabic plural rules for hours. */
const arHours = (h: number): string =>
  ({ zero: `${h} ساعة`, one: 'ساعة واحدة', two: 'ساعتين', few: `${h} ساعات`, many: `${h} ساعة`, other: `${h} ساعة` })[arPlural.select(h)];

export const ar: AdminStrings = {
  refusal: 'عذرًا، هذا الأمر مخصّص لمشرفي البوت فقط.',
  privateOnly: 'أوامر المشرفين تعمل في محادثة خاصة مع البوت.',
  cancelled: 'أُلغي.',
  expired: 'انتهت صلاحية هذه المسودة. ابدأ من جديد.',
  broadcast: {
    askContent: '📣 أرسل الرسالة المراد بثّها: نصًا منسقًا، أو صورة أو فيديو مع تعليق.\n/cancel للإلغاء.',
    notContent: 'لا يمكن بثّ هذا. أرسل نصًا أو صورة أو فيديو أو ملفًا أو مقطعًا صوتيًا.',
    previewNote: '👆 هكذا تمامًا سيراها المستلمون.',
    panel: (audience, n, breaking) =>
      `<b>📣 بثّ</b>\nالجمهور: ${audience} — <b>${n}</b> مستلم\nعاجل: ${breaking ? '🔴 نعم' : 'لا'}`,
    everyone: 'الجميع',
    followersOf: (names) => `متابعو ${names.map(e).join('، ')}`,
    askTopics: 'اضغط على المواضيع لإضافتها أو إزالتها، أو اكتب أسماء المواضيع مفصولة بفواصل.',
    topicsNotFound: (words) => `لم يُعثر على موضوع باسم: ${e(words)}`,
    buttons: {
      everyone: '👥 الجميع', topics: '🏷 حسب المواضيع', breaking: (on) => (on ? '🔴 عاجل: مفعّل' : '⚪ عاجل: غير مفعّل'),
      send: (n) => `✅ أرسل إلى ${n}`, cancel: '✖ إلغاء', done: '✔ تم',
    },
    noRecipients: 'لن يستلمها أحد: اختر جمهورًا آخر.',
    progress: (id, p, breaking) =>
      `${breaking ? '🔴 عاجل · ' : ''}📣 البث <code>${e(id)}</code> جارٍ\n` +
      `أُرسل: ${p.sent} · فشل: ${p.failed} · محظور: ${p.blocked} · المتبقي: ${p.remaining} من ${p.total}\n` +
      `المعدل: ${p.rate.toFixed(1)}/ث · الوقت المتبقي: ${p.secondsLeft === undefined ? '—' : `~${mmss(p.secondsLeft)}`}`,
    final: (id, p, cancelled) =>
      `${cancelled ? '⛔ أُلغي البث' : '✅ اكتمل البث'} <code>${e(id)}</code>\n` +
      `أُرسل: ${p.sent} · فشل: ${p.failed} · محظور: ${p.blocked}${p.remaining > 0 ? ` · لم يُرسل: ${p.remaining}` : ''} (من ${p.total})`,
    stop: '⛔ إلغاء البث',
    stopping: 'جارٍ الإلغاء: لن يُرسل شيء بعد الآن.',
    alreadyOver: 'انتهى هذا البث بالفعل.',
  },
  feeds: {
    header: (n) => `<b>📰 المصادر (${n})</b>`,
    empty: 'لا توجد مصادر بعد.',
    line: (f) =>
      `${f.paused ? '⏸' : '▶️'} <b>${e(f.name)}</b> — كل ${Math.round(f.intervalSec / 60)} دقيقة\n${e(f.url)}\n` +
      `آخر نجاح: ${f.lastSuccess ? e(f.lastSuccess) : 'أبدًا'} · عناصر شوهدت: ${f.itemsSeen}` +
      (f.lastError ? `\n⚠️ آخر خطأ (${e(f.lastErrorAt ?? '')}): ${e(f.lastError)}` : ''),
    usage: 'لإضافة مصدر: <code>/feeds add الرابط | الاسم | المنطقة الزمنية | الفاصل بالدقائق</code>\n' +
      'مثال: <code>/feeds add https://example.com/rss.xml | الجزيرة | Asia/Qatar | 5</code> (المنطقة والفاصل اختياريان).',
    added: (name) => `أُضيف المصدر: <b>${e(name)}</b>. عُلّمت عناصره الحالية كمقروءة، والجديدة ستُنبّه.`,
    invalid: (reason) => `تعذّرت إضافة المصدر: ${e(reason)}`,
    removed: 'حُذف المصدر.',
    paused: (p) => (p ? 'أُوقف المصدر مؤقتًا.' : 'استؤنف المصدر.'),
    gone: 'هذا المصدر لم يعد موجودًا.',
    buttons: { pause: (n, p) => `${p ? '▶️ استئناف' : '⏸ إيقاف'} ${n}`, remove: (n) => `🗑 حذف ${n}`, add: '➕ إضافة مصدر' },
  },
  ingest: {
    askContent: '📝 الصق الخبر أو أعد توجيهه (العنوان في السطر الأول).\n/cancel للإلغاء.',
    preview: (n, topics) => `👆 التنبيه كما سيراه المتابعون.\nالمواضيع: ${topics.map(e).join('، ') || '—'}\nالجمهور: <b>${n}</b> محادثة`,
    noMatch: 'لم يطابق أي موضوع: لن يُنبَّه أحد.',
    rejected: (reason) => `لا يمكن استخدام الخبر: ${e(reason)}`,
    duplicate: 'سبق إدخال هذا الخبر: لن يُنبَّه به مرة أخرى.',
    stale: (h) => `⏳ خبر قديم: نُشر قبل أكثر من ${arHours(h)}، فلن يُنبَّه به تلقائيًا. أترسله على أي حال؟`,
    send: (n) => `✅ أرسل إلى ${n}`,
    cancel: '✖ إلغاء',
    queued: (n) => `✅ أُدرج للإرسال إلى ${n} محادثة.`,
  },
  stats: {
    title: '<b>📊 الإحصاءات</b>',
    followers: (t, a) => `المحادثات: ${t} (نشطة ${a}، غير نشطة ${t - a})`,
    inactive: (r, n) => `  • ${e(r)}: ${n}`,
    topTopics: '<b>أكثر المواضيع متابعة</b>',
    topic: (name, n) => `  • ${e(name)}: ${n}`,
    last24h: (a, m) => `آخر 24 ساعة: ${a} تنبيه، ${m} رسالة`,
    queues: (q, w, d, a, f) => `طابور ${e(q)}: منتظر ${w}، مؤجل ${d}، نشط ${a}، فاشل ${f}`,
    rate: (r) => `معدل الإرسال: ${r.toFixed(1)} رسالة/ث`,
    lastErrors: '<b>آخر الأخطاء</b>',
    error: (when, m) => `  • ${e(when)}: ${e(m)}`,
    none: '  —',
    unavailable: 'الإحصاءات غير متاحة الآن (تعذّر الوصول إلى التخزين).',
  },
};
