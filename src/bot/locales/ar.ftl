# Arabic interface strings (the default language). Telegram HTML.
#
# Variables arrive already escaped; user, topic and article text also arrives bidi-isolated
# (U+2068 … U+2069) by src/bot/i18n/fluent-strings.ts, so Latin words cannot flip a line.
# Counts are plain numbers: plural selectors use the CLDR categories of Intl.PluralRules('ar')
# (zero, one, two, few, many, other), e.g. موضوع واحد، موضوعان، 3 مواضيع، 11 موضوعًا، 100 موضوع.
# en.ftl must have exactly the same keys (tests/unit/bot/locales.test.ts).

## General

apology = عذرًا، حدث خطأ ما. حاول مرة أخرى بعد قليل.
slow-down = رسائل كثيرة في وقت قصير. انتظر قليلًا ثم حاول مجددًا.
button-expired = انتهت صلاحية هذا الزر
welcome =
    👋 أهلًا بك في <b>تنبيه</b>.
    تابع الدول والمناطق والنزاعات والشخصيات التي تهمّك،
    ويصلك تنبيه عربي قصير فور نشر خبر يخصّها.
help =
    <b>تنبيه</b> يرسل لك أخبار المواضيع التي تتابعها فور نشرها.

    اكتب اسم أي دولة أو منطقة أو شخصية للبحث عنها (مثل: أرمينيا، القوقاز).
    /start اختيار المواضيع من القائمة
    /follow اسم — متابعة موضوع، /unfollow اسم — إلغاء متابعته
    /mytopics مواضيعك، /latest آخر الأخبار
    /why ردًّا على تنبيه — لماذا وصلك
    /pause إيقاف مؤقت، /resume استئناف
    /settings طريقة التسليم وساعات الهدوء والمنطقة الزمنية واللغة
    /timezone المنطقة الزمنية، مثل: /timezone Asia/Riyadh
    /channels ربط قناة تديرها، /stop إلغاء كل المتابعات

## Topic picker

category-countries = دول
category-regions = مناطق
category-conflicts = نزاعات
category-people = شخصيات
category-themes = مواضيع
picker-choose = اختر فئة، أو اكتب اسم أي موضوع للبحث عنه:
picker-choose-for = مواضيع «{ $title }»: اختر فئة.
picker-page =
    <b>{ $category }</b> ({ $page }/{ $pages })
    اضغط موضوعًا لمتابعته أو لإلغاء متابعته.
picker-page-for =
    «{ $title }» — <b>{ $category }</b> ({ $page }/{ $pages })
    اضغط موضوعًا لمتابعته أو لإلغاء متابعته.
picker-empty = لا مواضيع في هذه الفئة بعد.
picker-back = ↩️ الفئات
picker-prev = → السابق
picker-next = التالي ←
picker-done = ✔️ تم

## Following

follow-followed = ✅ تتابع الآن «{ $name }».
follow-already = أنت تتابع «{ $name }» بالفعل.
follow-unfollowed = ألغيت متابعة «{ $name }».
follow-not-following = أنت لا تتابع «{ $name }».
follow-too-many = وصلت إلى الحد الأقصى ({ $limit ->
        [zero] لا مواضيع
        [one] موضوع واحد
        [two] موضوعان
        [few] { $limit } مواضيع
        [many] { $limit } موضوعًا
       *[other] { $limit } موضوع
    }). ألغِ متابعة بعضها عبر /mytopics.
follow-unknown = لم أعد أجد هذا الموضوع. ابحث عنه من جديد.
follow-usage-follow = اكتب اسم الموضوع بعد الأمر، مثل: /follow أرمينيا
follow-usage-unfollow = اكتب اسم الموضوع بعد الأمر، مثل: /unfollow أرمينيا
follow-keyword-button = ➕ تابع «{ $words }» ككلمة مفتاحية
follow-keyword-expired = انتهت صلاحية هذا الزر. اكتب الكلمات من جديد.

## Search

search-results = نتائج البحث عن «{ $query }»: اضغط لمتابعة موضوع.
search-none = لم أجد موضوعًا باسم «{ $query }». يمكنك متابعة الكلمات نفسها: سيصلك كل خبر يذكرها.
search-no-keyword = لم أجد موضوعًا باسم «{ $query }». جرّب اسمًا آخر، أو كلمات أقل (ست كلمات على الأكثر، وكلمة من حرفين أو أكثر).
search-too-long = رسالتك طويلة ({ $length ->
        [zero] لا أحرف
        [one] حرف واحد
        [two] حرفان
        [few] { $length } أحرف
        [many] { $length } حرفًا
       *[other] { $length } حرف
    }). اكتب اسم الموضوع في { $max ->
        [one] حرف واحد
        [two] حرفين
        [few] { $max } أحرف
        [many] { $max } حرفًا
       *[other] { $max } حرف
    } على الأكثر.
search-no-words = لم أجد كلمات في رسالتك. اكتب اسم موضوع، مثل: أرمينيا.

## Refusals

refusal-not-admin = عذرًا، مشرفو المجموعة وحدهم يستطيعون تغيير مواضيعها.
refusal-not-linked = هذه القناة غير مرتبطة بحسابك، أو لم تعد مشرفًا فيها. راجع /channels.
refusal-no-chat = لا يمكن تنفيذ هذا هنا.

## /mytopics, /latest, /why

mytopics-header =
    <b>مواضيعك ({ $count })</b>
    اضغط موضوعًا لإلغاء متابعته.
mytopics-empty = لا تتابع أي موضوع بعد. اضغط /start لاختيار مواضيع، أو اكتب اسم موضوع.
mytopics-unfollow-button = ❌ { $name }
latest-header = <b>آخر الأخبار في مواضيعك</b>
latest-header-topic = <b>آخر أخبار «{ $topic }»</b>
latest-empty = لا أخبار بعد في هذه المواضيع.
latest-unknown-topic = لم أجد موضوعًا باسم «{ $query }».
why-need-reply = أرسل /why ردًّا على رسالة تنبيه لأشرح لك لماذا وصلتك.
why-unknown = لا أعرف هذه الرسالة: ربما ليست تنبيهًا، أو مرّ عليها أكثر من أسبوع.
why-header =
    <b>لماذا وصلك هذا التنبيه؟</b>
    { $title }
why-line = 🏷 { $topic }: ورد في الخبر { $words }
why-word = «{ $word }»
why-separator = {"، "}
why-also-reported = 📰 رواه أيضًا: { $outlets }
latest-also-reported = {"  "}📰 رواه أيضًا: { $outlets }

## /pause, /resume

pause-choose = إيقاف التنبيهات مؤقتًا لمدة:
pause-hours = { $hours ->
        [one] ساعة واحدة
        [two] ساعتان
        [few] { $hours } ساعات
        [many] { $hours } ساعة
       *[other] { $hours } ساعة
    }
pause-paused = ⏸ أوقفت التنبيهات حتى { $until }. أرسل /resume للاستئناف.
pause-resumed = ▶️ استؤنفت التنبيهات.

## /settings

settings-home =
    <b>الإعدادات</b>
    التسليم: { $delivery }
    ساعات الهدوء: { $quiet }
    المنطقة الزمنية: { $zone }
    اللغة: { $language }
settings-instant = ⚡ فوري
settings-hourly = 🕐 ملخص كل ساعة
settings-daily = 📅 ملخص يومي
settings-daily-at = 📅 ملخص يومي الساعة { $hour }:00
settings-quiet-off = بلا
settings-quiet = { $from }–{ $to }
settings-quiet-button = 🌙 ساعات الهدوء
settings-zone-button = 🕓 المنطقة الزمنية
settings-language-button = 🌐 English
settings-choose-hour = في أي ساعة تريد الملخص اليومي؟
settings-choose-quiet = لا تصلك تنبيهات في ساعات الهدوء؛ تصلك مجمّعة عند انتهائها.
settings-choose-zone = اختر منطقتك الزمنية، أو أرسل اسمها هكذا: /timezone Europe/Paris
settings-zone-set = 🕓 المنطقة الزمنية الآن «{ $zone }».
settings-zone-invalid = «{ $zone }» ليست منطقة زمنية معروفة. مثال صحيح: /timezone Asia/Riyadh
settings-zone-usage = اكتب المنطقة بعد الأمر، مثل: /timezone Africa/Cairo
settings-saved = ✔️ حُفظ

## /stop

stop-confirm = هل تريد إلغاء متابعة كل المواضيع؟ لن تصلك أي تنبيهات بعدها.
stop-yes = نعم، ألغِ الكل
stop-no = لا
stop-done = { $count ->
        [zero] لم تكن تتابع أي موضوع.
        [one] ألغيت متابعة موضوع واحد.
        [two] ألغيت متابعة موضوعين.
        [few] ألغيت متابعة { $count } مواضيع.
        [many] ألغيت متابعة { $count } موضوعًا.
       *[other] ألغيت متابعة { $count } موضوع.
    } لن تصلك تنبيهات. أرسل /start متى شئت.
stop-kept = لم يتغيّر شيء.

## Groups and channels

group-added = شكرًا لإضافتي! يستطيع مشرفو المجموعة اختيار مواضيعها عبر /start أو /follow.
channels-intro = لربط قناة تديرها: أضفني مشرفًا فيها، ثم أرسل هنا /channels @اسم_القناة أو أعد توجيه منشور منها.
channels-list = <b>قنواتك المرتبطة ({ $count })</b>
channels-manage-button = ⚙️ { $title }
channels-unlink-button = 🔗 فك الربط
channels-linked = ✅ ربطت القناة «{ $title }». اختر مواضيعها:
channels-unlinked = فككت ربط القناة.
channels-not-found = لم أجد هذه القناة. تأكد من الاسم ومن أنني مشرف فيها.
channels-bot-not-admin = لست مشرفًا في هذه القناة. أضفني مشرفًا ثم حاول مجددًا.
channels-user-not-admin = يجب أن تكون مشرفًا في القناة لتربطها.

## Command menu (setMyCommands)

command-start = البدء واختيار المواضيع
command-mytopics = مواضيعك
command-follow = متابعة موضوع
command-unfollow = إلغاء متابعة موضوع
command-latest = آخر الأخبار
command-why = لماذا وصلك هذا التنبيه (ردًّا عليه)
command-pause = إيقاف مؤقت
command-resume = استئناف التنبيهات
command-settings = الإعدادات
command-timezone = المنطقة الزمنية (مثل Asia/Riyadh)
command-channels = قنواتك
command-stop = إلغاء كل المتابعات
command-help = المساعدة
command-broadcast = بثّ رسالة إلى المشتركين
command-feeds = المصادر وحالتها
command-ingest = إدخال خبر يدويًا
command-stats = الإحصاءات
command-cancel = إلغاء الحوار الجاري

## Admin

admin-refusal = عذرًا، هذا الأمر مخصّص لمشرفي البوت فقط.
admin-private-only = أوامر المشرفين تعمل في محادثة خاصة مع البوت.
admin-cancelled = أُلغي.
admin-expired = انتهت صلاحية هذه المسودة. ابدأ من جديد.

broadcast-ask-content =
    📣 أرسل الرسالة المراد بثّها: نصًا منسقًا، أو صورة أو فيديو مع تعليق.
    /cancel للإلغاء.
broadcast-not-content = لا يمكن بثّ هذا. أرسل نصًا أو صورة أو فيديو أو ملفًا أو مقطعًا صوتيًا.
broadcast-preview-note = 👆 هكذا تمامًا سيراها المستلمون.
broadcast-panel =
    <b>📣 بثّ</b>
    الجمهور: { $audience } — { $recipients ->
        [zero] لا مستلمين
        [one] <b>مستلم واحد</b>
        [two] <b>مستلمان</b>
        [few] <b>{ $recipients }</b> مستلمين
        [many] <b>{ $recipients }</b> مستلمًا
       *[other] <b>{ $recipients }</b> مستلم
    }
    عاجل: { $breaking ->
        [yes] 🔴 نعم
       *[no] لا
    }
broadcast-everyone = الجميع
broadcast-followers-of = متابعو { $names }
broadcast-ask-topics = اضغط على المواضيع لإضافتها أو إزالتها، أو اكتب أسماء المواضيع مفصولة بفواصل.
broadcast-topics-not-found = لم يُعثر على موضوع باسم: { $words }
broadcast-button-everyone = 👥 الجميع
broadcast-button-topics = 🏷 حسب المواضيع
broadcast-button-breaking-on = 🔴 عاجل: مفعّل
broadcast-button-breaking-off = ⚪ عاجل: غير مفعّل
broadcast-button-send = ✅ أرسل إلى { $recipients }
broadcast-button-cancel = ✖ إلغاء
broadcast-button-done = ✔ تم
broadcast-no-recipients = لن يستلمها أحد: اختر جمهورًا آخر.
broadcast-progress =
    { $breaking ->
        [yes] 🔴 عاجل · {""}
       *[no] {""}
    }📣 البث <code>{ $id }</code> جارٍ
    أُرسل: { $sent } · فشل: { $failed } · محظور: { $blocked } · المتبقي: { $remaining } من { $total }
    المعدل: { $rate }/ث · الوقت المتبقي: { $left }
broadcast-final =
    { $cancelled ->
        [yes] ⛔ أُلغي البث
       *[no] ✅ اكتمل البث
    } <code>{ $id }</code>
    أُرسل: { $sent } · فشل: { $failed } · محظور: { $blocked }{ $unsent ->
        [0] {""}
       *[other] {" · "}لم يُرسل: { $unsent }
    } (من { $total })
broadcast-stop = ⛔ إلغاء البث
broadcast-stopping = جارٍ الإلغاء: لن يُرسل شيء بعد الآن.
broadcast-already-over = انتهى هذا البث بالفعل.

feeds-header = <b>📰 المصادر ({ $count })</b>
feeds-empty = لا توجد مصادر بعد.
feeds-line =
    { $paused ->
        [yes] ⏸
       *[no] ▶️
    } <b>{ $name }</b> — { $minutes ->
        [one] كل دقيقة
        [two] كل دقيقتين
        [few] كل { $minutes } دقائق
        [many] كل { $minutes } دقيقة
       *[other] كل { $minutes } دقيقة
    }
    { $url }
    آخر نجاح: { $success } · عناصر شوهدت: { $seen }
feeds-never = أبدًا
feeds-line-error = ⚠️ آخر خطأ ({ $at }): { $error }
feeds-usage =
    لإضافة مصدر: <code>/feeds add الرابط | الاسم | المنطقة الزمنية | الفاصل بالدقائق</code>
    مثال: <code>/feeds add https://example.com/rss.xml | الجزيرة | Asia/Qatar | 5</code> (المنطقة والفاصل اختياريان).
    أو رابط الموقع وحده (<code>/feeds add https://example.com</code>) لأبحث فيه عن مصادره.
    <code>/feeds export</code> يرسل المصادر ملف OPML، و<code>/feeds import</code> يستورد ملفًا منه.
feeds-discover-found = وجدتُ في هذه الصفحة { $count ->
        [one] مصدرًا واحدًا
        [two] مصدرين
        [few] { $count } مصادر
        [many] { $count } مصدرًا
       *[other] { $count } مصدر
    }. اختر ما تضيفه:
feeds-export-caption = 📤 { $count ->
        [one] مصدر واحد
        [two] مصدران
        [few] { $count } مصادر
        [many] { $count } مصدرًا
       *[other] { $count } مصدر
    } بصيغة OPML، مع المنطقة الزمنية والفاصل لكل منها.
feeds-export-empty = لا توجد مصادر لتصديرها.
feeds-import-ask = أرسل ملف OPML (ما يصدّره قارئ الأخبار) لأستورد مصادره.
feeds-import-done = 📥 الاستيراد: أُضيف { $added }، وتُخطّي { $skipped } (موجود أو مكرر)، وتعذّر { $broken }.
feeds-import-broken = • { $outline }: { $reason }
feeds-import-failed = تعذّر استيراد الملف: { $reason }
feeds-discover-none = لم أجد مصدر أخبار (RSS أو Atom) تعلن عنه هذه الصفحة. أرسل رابط المصدر نفسه.
feeds-discover-failed = تعذّرت قراءة الرابط: { $reason }
feeds-added = أُضيف المصدر: <b>{ $name }</b>. عُلّمت عناصره الحالية كمقروءة، والجديدة ستُنبّه.
feeds-invalid = تعذّرت إضافة المصدر: { $reason }
feeds-removed = حُذف المصدر.
feeds-paused = أُوقف المصدر مؤقتًا.
feeds-resumed = استؤنف المصدر.
feeds-gone = هذا المصدر لم يعد موجودًا.
feeds-button-pause = ⏸ إيقاف { $name }
feeds-button-resume = ▶️ استئناف { $name }
feeds-button-remove = 🗑 حذف { $name }
feeds-button-add = ➕ إضافة مصدر

ingest-ask-content =
    📝 الصق الخبر أو أعد توجيهه (العنوان في السطر الأول).
    /cancel للإلغاء.
ingest-preview =
    👆 التنبيه كما سيراه المتابعون.
    المواضيع: { $topics }
    الجمهور: { $recipients ->
        [zero] لا أحد
        [one] <b>محادثة واحدة</b>
        [two] <b>محادثتان</b>
        [few] <b>{ $recipients }</b> محادثات
        [many] <b>{ $recipients }</b> محادثة
       *[other] <b>{ $recipients }</b> محادثة
    }
ingest-no-match = لم يطابق أي موضوع: لن يُنبَّه أحد.
ingest-rejected = لا يمكن استخدام الخبر: { $reason }
ingest-duplicate = سبق إدخال هذا الخبر: لن يُنبَّه به مرة أخرى.
ingest-stale = ⏳ خبر قديم: نُشر قبل أكثر من { $hours ->
        [one] ساعة
        [two] ساعتين
        [few] { $hours } ساعات
        [many] { $hours } ساعة
       *[other] { $hours } ساعة
    }، فلن يُنبَّه به تلقائيًا. أترسله على أي حال؟
ingest-send = ✅ أرسل إلى { $recipients }
ingest-cancel = ✖ إلغاء
ingest-queued = ✅ أُدرج للإرسال إلى { $recipients ->
        [zero] لا أحد
        [one] محادثة واحدة
        [two] محادثتين
        [few] { $recipients } محادثات
        [many] { $recipients } محادثة
       *[other] { $recipients } محادثة
    }.

stats-title = <b>📊 الإحصاءات</b>
stats-followers = المحادثات: { $total } (نشطة { $active }، غير نشطة { $inactive })
stats-inactive = {"  "}• { $reason }: { $count }
stats-top-topics = <b>أكثر المواضيع متابعة</b>
stats-topic = {"  "}• { $name }: { $count }
stats-last-24h = آخر 24 ساعة: { $alerts ->
        [zero] لا تنبيهات
        [one] تنبيه واحد
        [two] تنبيهان
        [few] { $alerts } تنبيهات
        [many] { $alerts } تنبيهًا
       *[other] { $alerts } تنبيه
    }، { $messages ->
        [zero] لا رسائل
        [one] رسالة واحدة
        [two] رسالتان
        [few] { $messages } رسائل
        [many] { $messages } رسالة
       *[other] { $messages } رسالة
    }
stats-queues = طابور { $queue }: منتظر { $waiting }، مؤجل { $delayed }، نشط { $active }، فاشل { $failed }
stats-rate = معدل الإرسال: { $rate } رسالة/ث
stats-last-errors = <b>آخر الأخطاء</b>
stats-error = {"  "}• { $at }: { $message }
stats-none = {"  "}—
stats-unavailable = الإحصاءات غير متاحة الآن (تعذّر الوصول إلى التخزين).
