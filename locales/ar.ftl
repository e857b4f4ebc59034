# واجهة Casebook بالعربية. المعرّفات هي نفسها في en.ftl؛ أي رسالة غير موجودة هنا تظهر بالإنجليزية.

## إطار كل صفحة

app-name = Casebook
skip-to-content = انتقل إلى المحتوى
nav-main = الرئيسية
nav-policies = السياسات
nav-sweeps = الحملات
nav-templates = القوالب
nav-settings = الإعدادات
nav-people = الأشخاص
nav-import = استيراد
nav-audit = سجل التدقيق
language-picker = لغة الواجهة
sign-in = تسجيل الدخول
sign-out = تسجيل الخروج
working-offline = { $name } · تعمل دون اتصال
sign-out-unsent = { $count ->
    [one] لم يصل تعديل واحد إلى الخادم بعد. تسجيل الخروج يحذفه من هذا الجهاز. هل تريد تسجيل الخروج على أي حال؟
   *[other] لم تصل { $count } تعديلات إلى الخادم بعد. تسجيل الخروج يحذفها من هذا الجهاز. هل تريد تسجيل الخروج على أي حال؟
}
library-saved-offline = أنت غير متصل. تُعرض مكتبة السياسات المحفوظة على هذا الجهاز { $when }.
library-saved-unreachable = تعذّر الوصول إلى الخادم. تُعرض مكتبة السياسات المحفوظة على هذا الجهاز { $when }.
library-saved-checking = تُعرض مكتبة السياسات المحفوظة على هذا الجهاز { $when }؛ جارٍ البحث عن تحديثات…
just-now = الآن

## الأدوار والمؤسسات

role-agent = وكيل
role-specialist = أخصائي سياسات
role-trainer = مدرّب
role-admin = مسؤول
title-platform = المنصة · { $role }
title-vendor = المورّد · { $role }

## الاتصال

connection-checking = جارٍ الاتصال…
connection-online = متصل
connection-offline = غير متصل
connection-unreachable = تعذّر الوصول إلى الخادم

## حالة المزامنة في الترويسة

sync-waiting = { $count ->
    [zero] لا تعديلات بانتظار الإرسال
    [one] تعديل واحد بانتظار الإرسال
    [two] تعديلان بانتظار الإرسال
    [few] { $count } تعديلات بانتظار الإرسال
   *[other] { $count } تعديلًا بانتظار الإرسال
}
sync-refused-short = رُفض تعديل واحد · اعرف السبب
sync-loading = جارٍ تحميل عملك…
sync-catching-up = جارٍ اللحاق { $percent }٪
sync-syncing = جارٍ المزامنة…
sync-not-connected = غير متصل
sync-saved-here = محفوظ هنا · { $waiting }
sync-signed-out = تم تسجيل الخروج، سجّل الدخول للمزامنة
sync-problem = مشكلة في المزامنة
sync-synced-ago = تمت المزامنة { $when }
sync-synced = تمت المزامنة
sync-refused = رفض الخادم تعديلًا:
sync-refused-blocks = التعديلات التالية تنتظر حتى تعيد المحاولة أو تتجاهله.
sync-retry = إعادة المحاولة
sync-discard = تجاهل هذا التعديل
sync-all-sent = وصلت كل التعديلات التي أُجريت على هذا الجهاز إلى الخادم.
sync-saved-count = { $count ->
    [one] تعديل واحد محفوظ على هذا الجهاز وسيُرسل عندما يستجيب الخادم.
    [two] تعديلان محفوظان على هذا الجهاز وسيُرسلان عندما يستجيب الخادم.
   *[other] { $count } تعديلات محفوظة على هذا الجهاز وستُرسل عندما يستجيب الخادم.
}
sync-last = آخر مزامنة { $when }.
sync-never = لم تتم المزامنة على هذا الجهاز بعد.
sync-now = زامِن الآن

## صفحات غير موجودة

not-found-title = الصفحة غير موجودة
not-found-body = لا توجد في Casebook صفحة بهذا العنوان. ربما كُتب الرابط خطأً أو هو من إصدار أقدم.
not-found-search = انتقل إلى البحث في السياسات
planned-not-yet = هذه الأداة غير متاحة في هذا الإصدار من Casebook بعد.
planned-search = ابحث في مكتبة السياسات

## أعطال في الاتصال بالخادم

api-unreachable = يتعذّر على Casebook الوصول إلى خادمه. تحقّق من اتصالك؛ ستعيد هذه الصفحة المحاولة عند عودة الاتصال.
api-server-error = { $message } (الطلب { $request })
api-status = ردّ الخادم بالحالة { $status }.
api-unreadable = تعذّرت قراءة ردّ الخادم. أعد تحميل الصفحة للحصول على أحدث إصدار من Casebook.

## رموز أخطاء الخادم: { $detail } هو شرح الخادم نفسه (بالإنجليزية)

error-not_found = غير موجود. { $detail }
error-bad_request = لم يُقبل الطلب: { $detail }
error-invalid = راجع ما أدخلته: { $detail }
error-conflict = تغيّر هذا في الوقت نفسه في مكان آخر: { $detail }
error-invalid_library = مكتبة السياسات فيها أخطاء: { $detail }
error-method_not_allowed = هذا الإجراء غير ممكن هنا.
error-sign_in_required = يُرجى تسجيل الدخول مرة أخرى.
error-forbidden = دورك لا يسمح بهذا.
error-csrf_header_missing = حُظر الطلب حفاظًا على أمانك. أعد تحميل الصفحة وحاول مرة أخرى.
error-bad_credentials = البريد الإلكتروني أو كلمة المرور غير صحيحة.
error-account_switched_off = هذا الحساب معطّل. اسأل المسؤول.
error-too_many_attempts = محاولات كثيرة جدًا. انتظر بضع دقائق ثم حاول مرة أخرى.
error-unsupported_media_type = لا يستطيع الخادم قراءة هذا النوع من الطلبات.
error-payload_too_large = هذا أكبر من أن يُرسل.
error-busy = الخادم مشغول. ستُعاد المحاولة قريبًا.
error-internal = حدث خطأ في الخادم. عملك محفوظ؛ حاول مرة أخرى.
error-schema_version = هذا الإصدار من Casebook قديم. أعد تحميل الصفحة.
error-sync_gap = فُقدت بعض التعديلات في الطريق. يُعاد إرسالها الآن.
error-invalid_push = تعذّر على الخادم قراءة هذه التعديلات: { $detail }
error-invalid_edit = هذا التعديل غير صالح: { $detail }
error-edit_not_allowed = لا يمكنك إجراء هذا التعديل: { $detail }
error-out_of_scope = هذا يخص مؤسسة أخرى.
error-no_such_object = هذا لم يعد موجودًا.
error-client_of_another_person = هذه التعديلات تخص شخصًا آخر على هذا الجهاز.
error-write_quota = مساحة التخزين لمؤسستك ممتلئة. اسأل المسؤول.

## Sweeps (issue 11)

sweeps-keys-hint = اضغط ? لعرض المفاتيح.
## Policy pages (lookup2)

policy-loading = جارٍ تحميل السياسة…
policy-not-found = لم يتم العثور على السياسة
policy-not-found-detail = لا توجد سياسة باسم «{ $slug }». ربما تغيّر اسمها.
policy-search-library = البحث في مكتبة السياسات
policy-no-version = لا يوجد لهذه السياسة إصدار { $number }.
policy-open-current = فتح الإصدار الحالي
policy-open-current-numbered = فتح الإصدار الحالي (الإصدار { $number })
policy-draft-note = هذه مسودة. لا تطبّقها بعد.
policy-old-note = هذا ليس الإصدار الحالي من هذه السياسة.
policy-fact-version = الإصدار
policy-fact-effective = سارية منذ
policy-fact-since = خارج الخدمة منذ
policy-fact-verified = تم التحقق حتى
policy-fact-owner = الجهة المسؤولة
policy-fact-regions = المناطق
policy-overdue = — المراجعة متأخرة
policy-version-status = الإصدار { $number } · { $status }
policy-status-draft = مسودة
policy-status-published = منشورة
policy-status-superseded = مستبدلة
policy-status-retired = ملغاة
policy-sections = الأقسام
policy-versions = الإصدارات
policy-versions-label = الإصدارات:
policy-version-link = الإصدار { $number } ({ $status })
policy-changed-since = ما الذي تغيّر منذ الإصدار { $number }
policy-link-to-section = رابط إلى { $heading }
policy-copy-link = نسخ الرابط
policy-link-copied = تم نسخ الرابط
policy-copy-section-title = نسخ رابط إلى هذا القسم من هذا الإصدار (المفتاح: c)
policy-copy-by-hand = لا يسمح هذا المتصفح بالنسخ هنا. الرابط محدد: اضغط Ctrl+C (⌘C على ماك) لنسخه.
policy-paragraph-bar = عن هذه الفقرة
policy-copy-paragraph = نسخ رابط هذه الفقرة
policy-paragraph-not-current = هذا هو الإصدار { $number }، وليس الإصدار الحالي (الإصدار { $current }).
policy-section-in-current = قراءة هذا القسم في الإصدار { $current }
policy-section-changed-since = ما الذي تغيّر في هذا القسم منذ الإصدار { $number }
policy-section-unchanged = هذا القسم مطابق في الإصدار { $current }.
policy-section-gone = لم يعد هذا القسم موجودًا في الإصدار { $current }.
policy-actions = إجراءات الإنفاذ
policy-action = الإجراء
policy-severity = الخطورة
policy-when = متى يُطبَّق
policy-severity-low = منخفضة
policy-severity-medium = متوسطة
policy-severity-high = عالية
policy-severity-critical = حرجة
diff-title = ما الذي تغيّر في { $title }
diff-no-versions = لا يوجد لهذه السياسة الإصدار { $from } أو الإصدار { $to }.
diff-compare = مقارنة
diff-with = مع
diff-version-option = الإصدار { $number } ({ $status }، { $effective })
diff-same-text = نص هذين الإصدارين واحد.
diff-counts = الأقسام المتغيّرة: { $changed }، المضافة: { $added }، المحذوفة: { $removed }. إجراءات الإنفاذ المتغيّرة: { $actions }.
diff-summary = الملخص:
diff-added = مضاف
diff-removed = محذوف
diff-changed = متغيّر
diff-unchanged = دون تغيير
diff-open-in = فتح في الإصدار { $version }
diff-previously-headed = كان عنوانه سابقًا «{ $heading }».
diff-unchanged-list = دون تغيير: { $headings }.
diff-change = التغيير
diff-version = الإصدار { $version }

## Library updates in open tabs (lookup2)

library-update-available = يتوفر إصدار جديد من مكتبة السياسات.
library-update-show = عرضه

## Library import page (lookup2)

import-title = استيراد السياسات
import-intro = اختر مجلد المكتبة أو بعض ملفاته أو ملف zip للمجلد. سترى كل مشكلة، أو ما الذي سيتغير، قبل حفظ أي شيء.
import-folder = مجلد المكتبة
import-files = أو ملفات، أو ملف zip
import-working = جارٍ التحقق…
import-unreadable = تعذّرت قراءة الملفات المختارة.
import-not-text = الملف { $file } ليس ملفًا نصيًا.
import-too-large = اختر { $files } ملف كحد أقصى و{ $mib } ميغابايت إجمالًا.
import-problems = { $count ->
    [one] مشكلة واحدة. لم يُحفظ شيء.
   *[other] { $count } مشكلات. لم يُحفظ شيء.
}
import-whole-folder = المجلد بأكمله
import-line = السطر { $line }:
import-preview = ما الذي سيتغير
import-new-policies = سياسات جديدة
import-new-versions = إصدارات جديدة
import-version-changes = مقارنةً بالإصدار { $current }: { $changed } أقسام تغيّرت، { $added } أُضيفت، { $removed } حُذفت؛ { $actions } إجراءات تغيّرت
import-status-changes = تغييرات الحالة
import-status-change = { $slug }، الإصدار { $number }، تصبح { $status } { $since }
import-unchanged = { $count ->
    [one] ملف واحد موجود بالفعل في المكتبة.
   *[other] { $count } ملفات موجودة بالفعل في المكتبة.
}
import-nothing = لا شيء للاستيراد: المكتبة تحتوي هذه الملفات بالفعل.
import-apply = تطبيق الاستيراد
import-applied = تم الاستيراد: { $versions } إصدارات جديدة، { $changes } تغييرات في الحالة.
## لوحة الأوامر (Ctrl-K) واختصارات لوحة المفاتيح (?)

palette-title = انتقل أو نفّذ
palette-input = ابحث عن صفحة أو سياسة أو حملة أو إجراء
palette-placeholder = اكتب للعثور على صفحة أو سياسة أو حملة أو إجراء…
palette-nothing = لا توجد نتائج. جرّب كلمة أخرى.
palette-hint = ↑ ↓ للاختيار · Enter للفتح · Esc للإغلاق
palette-kind-page = صفحة
palette-kind-account = الحساب
palette-kind-policy = سياسة
palette-kind-template = قالب
palette-kind-sweep = حملة
palette-language = غيّر لغة الواجهة إلى { $language }
shortcut-palette = افتح لوحة الأوامر
shortcut-help = اعرض هذه الاختصارات
shortcut-close = أغلق نافذة أو لوحة
shortcut-search = انتقل إلى مربع البحث
shortcut-copy-link = انسخ رابط هذا القسم
shortcut-unnamed = إجراء في الصفحة
shortcuts-title = اختصارات لوحة المفاتيح
shortcuts-everywhere = في كل مكان
shortcuts-this-page = في هذه الصفحة
shortcuts-not-while-typing = لا تعمل اختصارات المفتاح الواحد أثناء الكتابة في حقل.
shortcuts-close = إغلاق
## تسجيل الدخول (i18npages)

signin-signed-in = تم تسجيل الدخول
signin-signed-in-as = أنت مسجّل الدخول باسم { $name } ({ $email }).
signin-go-search = انتقل إلى البحث في السياسات
signin-hint = استخدم الحساب الذي أعطاك إياه مسؤول المورّد.
signin-email = البريد الإلكتروني
signin-password = كلمة المرور
signin-busy = جارٍ تسجيل الدخول…
signin-checking = جارٍ التحميل…
document-paragraph-link = رابط إلى الفقرة { $number }

## الإعدادات

settings-title = الإعدادات
settings-account = حسابك
settings-who = { $name } · { $title } في { $org }
settings-loading = جارٍ التحميل…
settings-sign-in-to-change = سجّل الدخول لتغيير كلمة المرور.
settings-language = اللغة
settings-language-legend = لغة الواجهة
settings-language-hint = تظهر الأزرار والرسائل والتواريخ بهذه اللغة. تبقى السياسات بلغتها الأصلية. يتذكّر هذا الجهاز اختيارك.
settings-device = هذا الجهاز
settings-insecure = يحتاج التشغيل دون اتصال إلى https. هذا العنوان يستخدم http عاديًا، لذلك لا يسمح المتصفح لـ Casebook بحفظ نفسه على هذا الجهاز ليفتح دون شبكة، ولا بنسخ الروابط نيابةً عنك (تظهر لتنسخها يدويًا). كل ما عدا ذلك يعمل. اطلب من المسؤول عنوان https.
settings-later = قريبًا
settings-later-list = تمويه الوسائط واختصارات لوحة المفاتيح.
settings-password-title = تغيير كلمة المرور
settings-current-password = كلمة المرور الحالية
settings-new-password = كلمة المرور الجديدة
settings-password-rule = { $min ->
    [few] { $min } أحرف على الأقل.
   *[other] { $min } حرفًا على الأقل.
}
settings-repeat-password = كلمة المرور الجديدة مرة أخرى
settings-passwords-differ = كلمتا المرور الجديدتان مختلفتان؛ اكتب الكلمة نفسها مرتين.
settings-password-changed = تم تغيير كلمة المرور. تم تسجيل خروجك من كل مكان آخر كنت مسجّلًا فيه.
settings-changing = جارٍ التغيير…
settings-change-password = تغيير كلمة المرور

## الأشخاص

people-title = الأشخاص
people-only-admins = يمكن للمسؤولين فقط إدارة الأشخاص.
people-intro = كل من لديه حساب في { $org }. لا يمكن للحساب المعطّل تسجيل الدخول، وتنتهي جلساته المفتوحة فورًا؛ فعّله مرة أخرى لاستعادته.
people-loading = جارٍ التحميل…
people-everyone = الجميع ({ $count })
people-find = بحث
people-find-placeholder = الاسم أو البريد أو الدور
people-nobody = لا أحد يطابق البحث.
people-table = كل الأشخاص في المؤسسة
people-name = الاسم
people-email = البريد الإلكتروني
people-role = الدور
people-account = الحساب
people-password = كلمة المرور
people-you = (أنت)
people-role-of = دور { $name }
people-role-agent = وكيل
people-role-specialist = أخصائي سياسات
people-role-trainer = مدرّب
people-role-admin = مسؤول
people-active = مفعّل
people-off = معطّل
people-switch-off = تعطيل
people-switch-on = تفعيل
people-switch-off-label = تعطيل حساب { $name }
people-switch-on-label = تفعيل حساب { $name }
people-change-yours = غيّر كلمة مرورك من الإعدادات
people-new-password-for = كلمة مرور جديدة لـ { $name }
people-new-password = كلمة مرور جديدة…
people-set = حفظ
people-cancel = إلغاء
people-add-title = إضافة شخص
people-first-password = كلمة المرور الأولى
people-suggest = اقترح غيرها
people-add = إضافة الشخص
people-adding = جارٍ الإضافة…
people-password-hint = { $min ->
    [few] تحتاج كلمات المرور إلى { $min } أحرف على الأقل. أعطِ الشخص كلمة مروره الأولى بنفسك؛ لا يرسل Casebook بريدًا إلكترونيًا.
   *[other] تحتاج كلمات المرور إلى { $min } حرفًا على الأقل. أعطِ الشخص كلمة مروره الأولى بنفسك؛ لا يرسل Casebook بريدًا إلكترونيًا.
}
people-added = تمت إضافة { $name } ({ $email }) بدور { $role }. أعطه بريده الإلكتروني وكلمة المرور الأولى التي وضعتها.
people-could-not-add = تعذّرت إضافة { $name }: { $reason }
people-could-not-change = تعذّر تغيير { $name }: { $reason }
people-now-role = أصبح دور { $name } الآن: { $role }.
people-switched-off-done = تم تعطيل حساب { $name }؛ انتهت جلساته.
people-switched-on-done = تم تفعيل حساب { $name }؛ يمكنه تسجيل الدخول مجددًا.
people-password-done = تم تعيين كلمة مرور جديدة لـ { $name }؛ انتهت جلساته.

## سجل التدقيق

audit-title = سجل التدقيق
audit-only-admins = يمكن للمسؤولين فقط قراءة سجل التدقيق.
audit-loading = جارٍ التحميل…
audit-none = لا توجد إدخالات مطابقة.
audit-any = الكل
audit-time = الوقت
audit-person = الشخص
audit-action = الإجراء
audit-object = العنصر
audit-result = النتيجة
audit-detail = التفاصيل
audit-request = الطلب
audit-anonymous = غير مسجّل الدخول
audit-client-time = ساعة الجهاز: { $time }
audit-count = { $count ->
    [zero] لا توجد إدخالات معروضة.
    [one] إدخال واحد معروض.
    [two] إدخالان معروضان، الأحدث أولًا.
    [few] { $count } إدخالات معروضة، الأحدث أولًا.
    [many] { $count } إدخالًا معروضًا، الأحدث أولًا.
   *[other] { $count } إدخال معروض، الأحدث أولًا.
}
audit-show-older = عرض الإدخالات الأقدم
audit-result-ok = ناجح
audit-result-failed = فشل
audit-result-denied = مرفوض
audit-action-sign-in = تسجيل الدخول
audit-action-sign-out = تسجيل الخروج
audit-action-sync-push = حفظ التعديلات
audit-action-user-create = إضافة حساب
audit-action-user-change = تغيير حساب
audit-action-user-password = تغيير كلمة المرور الشخصية
audit-action-library-import = استيراد السياسات
audit-action-request-denied = طلب مرفوض
audit-detail-rate-limited = محاولات كثيرة جدًا
audit-detail-wrong-credentials = البريد الإلكتروني أو كلمة المرور خاطئة
audit-detail-switched-off = الحساب معطّل
audit-detail-changed-during-sign-in = تغيّر الحساب أثناء تسجيل الدخول
audit-detail-wrong-current-password = كلمة المرور الحالية خاطئة
audit-detail-changed-during-change = تغيّر الحساب أثناء التغيير
audit-detail-other-sessions-ended = انتهت الجلسات الأخرى
audit-detail-edits = { $count ->
    [zero] لا تعديلات: { $fields }
    [one] تعديل واحد: { $fields }
    [two] تعديلان: { $fields }
    [few] { $count } تعديلات: { $fields }
    [many] { $count } تعديلًا: { $fields }
   *[other] { $count } تعديل: { $fields }
}
audit-detail-edits-more = { $count ->
    [zero] لا تعديلات: { $fields } و{ $more } أخرى
    [one] تعديل واحد: { $fields } و{ $more } أخرى
    [two] تعديلان: { $fields } و{ $more } أخرى
    [few] { $count } تعديلات: { $fields } و{ $more } أخرى
    [many] { $count } تعديلًا: { $fields } و{ $more } أخرى
   *[other] { $count } تعديل: { $fields } و{ $more } أخرى
}
audit-detail-import = الإصدارات المضافة: { $added }؛ دون تغيير: { $unchanged }
audit-detail-import-failed = { $count ->
    [zero] لا مشكلات؛ لم يُستورد شيء
    [one] مشكلة واحدة؛ لم يُستورد شيء
    [two] مشكلتان؛ لم يُستورد شيء
    [few] { $count } مشكلات؛ لم يُستورد شيء
    [many] { $count } مشكلةً؛ لم يُستورد شيء
   *[other] { $count } مشكلة؛ لم يُستورد شيء
}
audit-detail-created = { $email } بدور { $role }
audit-detail-role = الدور: { $role }
audit-detail-switched-on-now = تم التفعيل
audit-detail-switched-off-now = تم التعطيل
audit-detail-new-password = كلمة مرور جديدة
audit-list-separator = { "، " }

## تعديلات وتنزيلات تفشل على هذا الجهاز (i18npages)

edit-impossible = هذا التعديل غير ممكن: { $reason }.
edit-signed-out = لقد سجّلت الخروج.
edit-signed-out-elsewhere = تم تسجيل خروجك في علامة تبويب أخرى. أعد تحميل الصفحة وسجّل الدخول.
edit-not-saved = تعذّر حفظ التعديل. لم يتغيّر شيء.
edit-storage-refused = رفض هذا المتصفح حفظ التعديل (هل مساحة التخزين ممتلئة؟). لم يتغيّر شيء.
sync-storage-refused = رفض هذا المتصفح حفظ البيانات المتزامنة (هل مساحة التخزين ممتلئة؟).
library-unreachable = يتعذّر على Casebook الوصول إلى خادمه.
library-status = تعذّر على الخادم إرسال مكتبة السياسات (الحالة { $status }).
library-interrupted = انقطع تنزيل مكتبة السياسات.
library-unreadable = تعذّرت قراءة مكتبة السياسات. أعد تحميل الصفحة.
library-index-interrupted = انقطع تنزيل فهرس البحث.
## Case-note templates (issue 10)
templates-title = قوالب الملاحظات
templates-intro = اختر قالبًا واملأ حقوله وانسخ الملاحظة. تُحفظ الملاحظات لمؤسستك وتعمل دون اتصال.
templates-sign-in = سجّل الدخول لاستخدام قوالب الملاحظات.
templates-search-label = البحث في القوالب
templates-search-placeholder = الاسم أو مجال السياسة أو النوع أو اللغة
templates-search-hint = اضغط Enter لفتح أول نتيجة، أو / للعودة إلى هنا.
templates-count = { $count ->
    [zero] لا قوالب
    [one] قالب واحد
    [two] قالبان
    [few] { $count } قوالب
   *[other] { $count } قالبًا
}
templates-none = لا توجد قوالب بعد. يكتبها المتخصصون والمدربون.
templates-no-match = لا يوجد قالب يطابق «{ $query }».
templates-kind-notice = إشعار للمستخدم
templates-kind-enforcement = ملاحظة إجراء
templates-kind-escalation = تصعيد
templates-version = الإصدار { $version }
templates-not-found = هذا القالب غير موجود على هذا الجهاز. ربما لم تتم مشاركته مع مؤسستك، أو لم تتم مزامنته بعد.
templates-back = كل القوالب
templates-compose-title = كتابة: { $name }
templates-fields = الحقول
templates-note-language = لغة الملاحظة
templates-falls-back = { $lang } (تُستخدم { $fallback })
templates-required = مطلوب
templates-choose = اختر…
templates-preview = معاينة
templates-preview-error = لا يمكن عرض المعاينة: { $detail }
templates-copy-save = نسخ وحفظ
templates-copy-hint = ‏Ctrl+Enter ينسخ الملاحظة ويحفظها.
templates-blocked = املأ قبل النسخ: { $fields }
templates-saved = نُسخت إلى الحافظة وحُفظت.
templates-saved-not-copied = حُفظت. الحافظة غير متاحة هنا: حدّد المعاينة وانسخها.
templates-save-failed = لم تُحفظ: { $detail }
templates-pii-title = عُثر على بيانات شخصية
templates-pii-found = { $kind } في { $field }
templates-pii-redact = إخفاء ونسخ
templates-pii-keep = إبقاء وتسجيل
templates-pii-kind-email = عنوان بريد إلكتروني
templates-pii-kind-phone = رقم هاتف
templates-pii-kind-card = رقم بطاقة دفع
templates-pii-kind-iban = رقم IBAN
templates-problem-required = مطلوب.
templates-problem-too-long = { $max } حرفًا على الأكثر.
templates-problem-control = أزل أحرف التحكم.
templates-problem-not-a-choice = اختر أحد الخيارات.
templates-problem-bad-handle = ليس اسم حساب.
templates-problem-bad-url = ليس رابط http(s).
templates-problem-too-many-links = { $max } روابط على الأكثر.
templates-problem-bad-date = ليس تاريخًا (YYYY-MM-DD).
templates-problem-not-a-number = ليس عددًا صحيحًا.
templates-problem-below-min = { $min } على الأقل.
templates-problem-above-max = { $max } على الأكثر.
templates-problem-pattern = يجب أن يكون بالشكل { $pattern } (‏# رقم، وA حرف لاتيني كبير).
templates-problem-bad-policy-ref = اكتبه بالشكل policy#section@version.
templates-history = سجل الملاحظات
templates-history-search = البحث في الملاحظات
templates-history-placeholder = رقم الحالة أو السياسة أو القالب أو النص
templates-history-none = لا توجد ملاحظات بعد.
templates-history-no-match = لا توجد ملاحظة مطابقة.
templates-note-meta = { $template } · { $lang } · { $author } · { $time }
templates-note-case = الحالة { $case }
templates-note-pending = بانتظار المزامنة
templates-note-kept = بيانات شخصية أُبقيت: { $kinds }
templates-policy-picker-hint = اكتب كلمات للبحث في السياسات، ثم اختر قسمًا بالأسهم وEnter.
templates-policy-picker-options = أقسام السياسات
templates-policy-picker-none = لا قسم يطابق «{ $query }».
templates-note-sweep-item = كُتبت للعنصر { $item } من الحملة { $sweep }
templates-new = قالب جديد
templates-import = استيراد القوالب
templates-for-sweep-item = للعنصر { $item } من الحملة { $sweep }: ستُربط الملاحظة به.
templates-note-amended = مُعدَّلة
templates-note-see-amendment = عرض التعديل
templates-note-amends = تعدّل ملاحظة { $time }
templates-note-amends-unknown = تعدّل ملاحظة غير موجودة على هذا الجهاز
templates-note-amend = تعديل
templates-note-amend-named = تعديل ملاحظة { $time }
templates-amending = تعديل ملاحظة { $time }: الحفظ يكتب ملاحظة جديدة مرتبطة بها، وتبقى القديمة كما هي.
templates-put-in-item = ضع النص في ملاحظة العنصر { $item }
templates-put-in-item-done = النص الآن في ملاحظة العنصر.
templates-back-to-sweep = العودة إلى الحملة
templates-type-text = نص
templates-type-multiline = عدة أسطر
templates-type-choice = اختيار
templates-type-handle = اسم حساب
templates-type-url = رابط
templates-type-links = روابط (رابط في كل سطر)
templates-type-date = تاريخ
templates-type-number = رقم
templates-type-case-id = رقم القضية
templates-type-policy-ref = قسم من سياسة
templates-part-settings = الإعدادات
templates-part-fields = الحقول
templates-part-body = النص بلغة { $lang }
templates-diff-added = أُضيف
templates-diff-removed = حُذف
templates-diff-changed = تغيّر
templates-diff-unchanged = دون تغيير
templates-author-not-allowed = يكتب القوالبَ المتخصصون والمدربون والمسؤولون فقط.
templates-author-not-owner = هذا القالب يخص مؤسسة أخرى: فريقها وحده ينشر إصدارات جديدة منه.
templates-author-id-taken = مستخدم بالفعل لقالب آخر
templates-author-settings = الإعدادات
templates-author-id = المعرّف
templates-author-id-help = من 3 إلى 60 حرفًا لاتينيًا صغيرًا وأرقامًا وشرطات. لا يتغير أبدًا وهو جزء من عنوان القالب.
templates-author-name = الاسم
templates-author-kind = النوع
templates-author-area = مجال السياسة
templates-author-default-lang = اللغة الافتراضية
templates-author-default = افتراضية
templates-author-variant-name = الاسم بهذه اللغة (اختياري)
templates-author-body = النص
templates-author-labels = تسميات الحقول بلغة { $lang }
templates-author-body-error = السطر { $line }، العمود { $column }: { $detail }
templates-author-no-body = لا نص بلغة { $lang }: الملاحظات بلغة { $lang } تستخدم نص { $fallback }.
templates-author-preview = معاينة بلغة { $lang }
templates-author-new-title = قالب جديد
templates-author-edit-title = { $name }: الإصدار { $version }
templates-author-intro = تُكتب العناصر النائبة {"{{"} field {"}}"}؛ ويُسمح بـ {"{%"} if field {"%}"} … {"{%"} endif {"%}"} و{"{%"} for link in field {"%}"} … {"{%"} endfor {"%}"}. تملأ المعاينة كل حقل بقيمته الافتراضية أو بمثال.
templates-author-fields = { $count ->
    [zero] لا حقول
    [one] حقل واحد
    [two] حقلان
    [few] { $count } حقول
   *[other] { $count } حقلًا
}
templates-author-no-fields = لا حقول بعد.
templates-author-add-field = إضافة حقل
templates-author-bodies = النصوص حسب اللغة
templates-author-bodies-help = اترك لغة فارغة لتستخدم نص اللغة الافتراضية.
templates-author-unchanged = لم يتغير شيء منذ أحدث إصدار.
templates-author-failed = لم يُنشر: { $detail }
templates-author-publish = نشر الإصدار { $version }
templates-author-problem-count = { $count ->
    [zero] لا مشكلات.
    [one] مشكلة واحدة يجب إصلاحها قبل النشر.
    [two] مشكلتان يجب إصلاحهما قبل النشر.
    [few] { $count } مشكلات يجب إصلاحها قبل النشر.
   *[other] { $count } مشكلة يجب إصلاحها قبل النشر.
}
templates-author-options = الخيارات، خيار في كل سطر
templates-author-pattern = النمط
templates-author-pattern-help = ‏# رقم، وA حرف لاتيني كبير، وأي شيء آخر يُكتب كما هو.
templates-author-min = الحد الأدنى
templates-author-max = الحد الأقصى
templates-author-field-n = الحقل { $n }
templates-author-field-name = اسم العنصر النائب
templates-author-field-label = التسمية
templates-author-field-type = النوع
templates-author-field-default = القيمة الافتراضية
templates-author-field-help = المساعدة
templates-author-field-required = مطلوب
templates-author-move-up = نقل لأعلى
templates-author-move-up-named = نقل { $name } لأعلى
templates-author-remove = حذف
templates-author-remove-named = حذف { $name }
templates-versions-title = { $name }: الإصدارات
templates-versions-compose = كتابة ملاحظة
templates-versions-edit = كتابة الإصدار { $version }
templates-shared-count = { $count ->
    [zero] غير مشارك مع المورّدين
    [one] مشارك مع مورّد واحد
    [two] مشارك مع مورّدَين
    [few] مشارك مع { $count } مورّدين
   *[other] مشارك مع { $count } مورّدًا
}
templates-versions-version = الإصدار { $version }: { $name }
templates-versions-first = الإصدار الأول.
templates-versions-changes = ما تغيّر منذ الإصدار { $from }
templates-import-title = استيراد القوالب
templates-import-intro = اختر مجلدًا من ملفات Markdown، ملف لكل قالب: ترويسة فيها الإعدادات والحقول، ثم قسم لكل لغة عنوانه ## en أو ## es أو ## ar أو ## ja. سترى كل مشكلة، أو ما سيُنشر، قبل حفظ أي شيء.
templates-import-folder = مجلد القوالب
templates-import-not-ours = يخص مؤسسة أخرى: فريقها وحده ينشره
templates-import-new = قالب جديد، الإصدار 1
templates-import-next = الإصدار { $version }، بعد الإصدار { $from }
templates-import-unchanged = دون تغيير (الإصدار { $version })
templates-import-refused = بعض القوالب تخص مؤسسة أخرى: لا يمكن نشر أي شيء. أزلها من المجلد.
templates-import-nothing = لا شيء للنشر: كل القوالب دون تغيير.
templates-import-publish = { $count ->
    [zero] لا قوالب للنشر
    [one] نشر قالب واحد
    [two] نشر قالبين
    [few] نشر { $count } قوالب
   *[other] نشر { $count } قالبًا
}
templates-import-published = { $count ->
    [zero] لم يُنشر أي قالب.
    [one] نُشر قالب واحد.
    [two] نُشر قالبان.
    [few] نُشرت { $count } قوالب.
   *[other] نُشر { $count } قالبًا.
}
## Sweeps (issue 11)

sweeps-title = حملات المراجعة
sweeps-intro = إرشادات لحدث مباشر، والعناصر التي تُراجع وفقها. يستمر العمل دون اتصال ويُزامَن عند عودة الشبكة.
sweeps-sign-in-list = سجّل الدخول لعرض حملات المراجعة والعمل عليها.
sweeps-sign-in-work = سجّل الدخول للعمل على هذه الحملة.
sweeps-none-publish = لا توجد حملات بعد. انشر الأولى أدناه.
sweeps-none-wait = لا توجد حملات بعد. ينشرها المختص هنا.
sweeps-published-by = نُشرت في { $date } بواسطة { $author }
sweeps-state-plain = إرشادات نصية حرة
sweeps-state-version = الإرشادات، الإصدار { $version }
sweeps-done-of = أُنجز { $done } من { $total }
sweeps-decided = { $count ->
    [one] قرار واحد
   *[other] { $count } قرارات
}
sweeps-conflicts = { $count ->
    [one] تعارض واحد
   *[other] { $count } تعارضات
}
sweeps-decision-no-violation = لا مخالفة
sweeps-decision-label = وسم
sweeps-decision-remove = إزالة
sweeps-decision-escalate = تصعيد
sweeps-decision-none = — لا شيء —
sweeps-new-title = نشر حملة مراجعة
sweeps-field-title = العنوان
sweeps-field-title-example = ليلة الانتخابات: مواعيد اقتراع مزيفة
sweeps-field-guidance = الإرشادات
sweeps-field-guidance-example = ما الذي يُبحث عنه، والفترة والمناطق، ومتى يُصعَّد.
sweeps-field-items = العناصر، رابط أو اسم مستخدم في كل سطر (أو أرقام حالات، أو نص ملف CSV فيه عمود “link”)
sweeps-publish = نشر
sweeps-import-ok = { $count ->
    [one] عنصر واحد.
   *[other] { $count } عناصر.
}
sweeps-import-duplicates = { $count ->
    [one] حُذف سطر مكرر واحد.
   *[other] حُذفت { $count } أسطر مكررة.
}
sweeps-import-blank = { $count ->
    [one] حُذف سطر فارغ واحد.
   *[other] حُذفت { $count } أسطر فارغة.
}
sweeps-import-bad = { $count ->
    [one] سطر واحد ليس عنصرًا. لن يُستورد شيء حتى يُصحَّح.
   *[other] { $count } أسطر ليست عناصر. لن يُستورد شيء حتى تُصحَّح.
}
sweeps-import-line = السطر { $line }
sweeps-items-file = أو ارفع ملف CSV أو ملفًا نصيًا:
sweeps-items-from-file = العناصر من الملف { $file }.
sweeps-items-use-box = استخدم مربع النص بدلًا منه
sweeps-import-empty = الصق رابطًا أو اسم مستخدم أو رقم حالة واحدًا على الأقل.
sweeps-import-too-large = النص كبير جدًا: الحد الأقصى { $max } بايت.
sweeps-import-too-many = تتسع الحملة لـ { $max } عنصر على الأكثر؛ هذه القائمة فيها { $count }.
sweeps-line-too-long = أطول من { $max } حرف
sweeps-line-control = يحتوي على حرف تحكم
sweeps-line-scheme = يجب أن يبدأ الرابط بـ http:// أو https://
sweeps-line-no-host = لا يحتوي الرابط على نطاق
sweeps-line-handle = اسم المستخدم هو @ ثم حتى 64 حرفًا لاتينيًا أو رقمًا أو _ أو .
sweeps-line-unknown = ليس رابطًا ولا اسم مستخدم ولا رقم حالة
sweeps-line-quote = علامات الاقتباس في CSV غير مغلقة
sweeps-line-column = لا يحتوي الصف على العمود “{ $column }”
sweeps-error-no-title = أعطِ الحملة عنوانًا.
sweeps-error-title-long = لا يتجاوز العنوان { $max } حرفًا.
sweeps-error-guidance-long = لا تتجاوز الإرشادات { $max } حرف.
sweeps-orgs-failed = تعذر تحميل المؤسسات: { $reason }
sweeps-orgs-loading = جارٍ تحميل المؤسسات…
sweeps-shared-with = مشتركة مع
sweeps-no-vendors = لا توجد مؤسسات موردة بعد.
sweeps-shared-count = { $count ->
    [one] مشتركة مع مؤسسة واحدة
   *[other] مشتركة مع { $count } مؤسسات
}
sweeps-not-found = الحملة غير موجودة
sweeps-not-found-body = هذه الحملة ليست على هذا الجهاز بعد. إن نُشرت للتو فستظهر حين تكتمل المزامنة.
sweeps-all = كل الحملات
sweeps-guidance = الإرشادات
sweeps-read-only = يمكنك قراءة هذه الحملة؛ يعمل عليها الوكلاء والمختصون والمسؤولون.
sweeps-next-unworked = العنصر التالي غير المنجز
sweeps-keys-button = المفاتيح (?)
sweeps-keys-title = المفاتيح
sweeps-keys-typing = لا تعمل المفاتيح أثناء الكتابة في حقل؛ اضغط Escape أو انقر خارجه أولًا.
sweeps-keys-close = إغلاق
sweeps-key-next = العنصر التالي
sweeps-key-previous = العنصر السابق
sweeps-key-unworked = أخذ العنصر التالي غير المنجز (قائمتك أولًا)
sweeps-key-decision = اختيار القرار رقم N
sweeps-key-step = الإجابة عن الخطوة رقم N (مربع الاختيار يُعلَّم، والخيار ينتقل إلى التالي)
sweeps-key-note = كتابة ملاحظة
sweeps-key-done = وضع علامة منجز أو غير منجز
sweeps-key-help = إظهار هذه القائمة أو إخفاؤها
sweeps-filter-text = بحث
sweeps-filter-status = عرض
sweeps-filter-decision = القرار
sweeps-filter-any = أي قرار
sweeps-filter-all = كل العناصر
sweeps-filter-open = غير منجزة
sweeps-filter-done = منجزة
sweeps-filter-mine = الخاصة بي
sweeps-filter-unassigned = غير مسندة
sweeps-filter-conflicts = فيها تعارض
sweeps-filter-count = { $shown } من { $total } عنصر
sweeps-filter-assignee = مُسنَد إلى
sweeps-filter-anyone = أي شخص
sweeps-filter-text-example = رابط أو اسم مستخدم أو رقم حالة أو ملاحظة أو اسم
sweeps-filter-help = الصفوف الظاهرة فقط موجودة في الصفحة، لذا لا يصل بحث المتصفح (Ctrl+F) إلى غيرها: اكتب هنا بدلًا من ذلك (اضغط / للوصول إلى هنا).
sweeps-filter-none = لا يطابق أي عنصر هذا المرشّح.
sweeps-items = العناصر
sweeps-item-label = العنصر { $n } ({ $position } من { $count } معروضة)
sweeps-row-conflict = تعارض
sweeps-key-find = البحث في العناصر (مربع البحث الخاص بالقائمة)
sweeps-guidance-version = الإرشادات، الإصدار { $version }: { $title }
sweeps-guidance-event = الحدث:
sweeps-guidance-window = الوقت:
sweeps-guidance-where = المناطق واللغات:
sweeps-guidance-escalate = التصعيد:
sweeps-guidance-checklist = قائمة التحقق لكل عنصر
sweeps-guidance-decisions = القرارات
sweeps-ack-title = الإصدار { $version } من الإرشادات ساري المفعول
sweeps-ack-body = اقرأه أعلاه قبل عنصرك التالي. تسجل إجاباتك الإصدار الذي عملت وفقه.
sweeps-ack-since = ما الذي تغير منذ الإصدار { $version }، آخر إصدار أقررت به:
sweeps-ack-button = قرأت الإصدار { $version }
sweeps-change-text = تغيّر: { $part }
sweeps-part-title = العنوان
sweeps-part-event = الحدث
sweeps-part-description = الوصف
sweeps-part-escalation = معايير التصعيد
sweeps-part-where = الفترة أو المناطق أو اللغات
sweeps-change-step-added = خطوة جديدة: { $step }
sweeps-change-step-changed = خطوة معدلة: { $step }
sweeps-change-step-removed = خطوة محذوفة: { $step }
sweeps-change-decision-added = قرار جديد: { $decision }
sweeps-change-decision-changed = قرار معدل: { $decision }
sweeps-change-decision-removed = قرار محذوف: { $decision }
sweeps-checklist = قائمة التحقق (الإصدار { $version })
sweeps-checklist-older = أُعطيت هذه الإجابات وفق الإصدار { $version }؛ الإجابة من جديد تسجل الإصدار الساري.
sweeps-choose = — اختر —
sweeps-answers = إجابات قائمة التحقق
sweeps-nothing = لا شيء
sweeps-done = منجز
sweeps-not-done = غير منجز
sweeps-field-decision = القرار
sweeps-field-note = ملاحظة
sweeps-note-from-template = كتابة الملاحظة من قالب
sweeps-field-done = منجز
sweeps-field-answers = قائمة التحقق
sweeps-field-assignee = الإسناد
sweeps-conflict-title = تعديلات متعارضة على: { $field }.
sweeps-conflict-shown = المعروض: “{ $value }” من { $author }.
sweeps-conflict-unseen = أُجري دون رؤيته:
sweeps-conflict-value = “{ $value }” من { $author }
sweeps-conflict-keep = إبقاء “{ $value }”
sweeps-conflict-use = اعتماد “{ $value }”
sweeps-held-by = لدى { $name }
sweeps-take = أخذ
sweeps-pending = بانتظار المزامنة
sweeps-pending-title = محفوظ على هذا الجهاز؛ لم يصل إلى الخادم بعد
sweeps-worked-by = قرّره { $author }، { $date }
sweeps-dash-title = لوحة المتابعة
sweeps-dash-done = المنجز
sweeps-dash-unassigned = غير المسند
sweeps-dash-escalations = التصعيدات
sweeps-dash-median = الوقت الوسيط لكل عنصر
sweeps-dash-conflicts = التعارضات
sweeps-dash-none = غير معروف بعد
sweeps-dash-seconds = { $count ->
    [one] ثانية واحدة
   *[other] { $count } ثانية
}
sweeps-dash-people = حسب الشخص
sweeps-dash-orgs = حسب المؤسسة
sweeps-dash-person = الشخص
sweeps-dash-org = المؤسسة
sweeps-dash-col-done = المنجز
sweeps-dash-col-remaining = المتبقي
sweeps-dash-sections = القرارات حسب قسم السياسة
sweeps-dash-section = القسم
sweeps-dash-col-items = العناصر
sweeps-dash-acks = الإقرار بالإصدار { $version }
sweeps-dash-col-acknowledged = أقرّ
sweeps-dash-ack-yes = نعم
sweeps-dash-ack-never = ليس بعد
sweeps-dash-ack-old = الإصدار { $version } فقط
sweeps-dash-stale = { $count ->
    [one] إسناد واحد خامل
   *[other] { $count } إسنادات خاملة
}
sweeps-dash-stale-item = العنصر { $item }، لدى { $name }
sweeps-dash-release = تحرير
sweeps-assign-title = الإسناد
sweeps-assign-stale = يمكن إلغاء الإسناد بعد هذا العدد من الدقائق دون نشاط
sweeps-assign-stale-range = أدخل عدد دقائق من 1 إلى { $max }.
sweeps-assign-legend = { $count ->
    [zero] لا توجد عناصر مفتوحة بلا مسؤول لإسنادها بالتناوب إلى
    [one] أسند العنصر المفتوح الوحيد الذي لا يتولاه أحد، بالتناوب، إلى
    [two] أسند العنصرين المفتوحين اللذين لا يتولاهما أحد، بالتناوب، إلى
    [few] أسند { $count } عناصر مفتوحة لا يتولاها أحد، بالتناوب، إلى
    [many] أسند { $count } عنصرًا مفتوحًا لا يتولاه أحد، بالتناوب، إلى
   *[other] أسند { $count } عنصر مفتوح لا يتولاه أحد، بالتناوب، إلى
}
sweeps-assign-nobody = لم يعمل أحد على هذا المسح ولم يؤكده أحد بعد.
sweeps-assign-listing = جارٍ جلب أشخاص المؤسسات التي يُشارَك معها هذا المسح…
sweeps-assign-listed-saved = دون اتصال: الأشخاص كما ظهروا آخر مرة مع الاتصال ({ $date }).
sweeps-assign-listed-offline = دون اتصال: لا يظهر إلا الأشخاص الذين يعرفهم هذا المسح. يظهر جميع أشخاص المؤسسات المشاركة عند عودة الاتصال.
sweeps-assign-listed-failed = تعذّر جلب أشخاص المؤسسات المشاركة: { $reason }
sweeps-assign-everyone = كل من في { $org }
sweeps-assign-button = { $people ->
    [one] أسند { $count } عنصرًا إلى شخص واحد
    [two] أسند { $count } عنصرًا إلى شخصين
    [few] أسند { $count } عنصرًا بين { $people } أشخاص
    [many] أسند { $count } عنصرًا بين { $people } شخصًا
   *[other] أسند { $count } عنصرًا بين { $people } شخص
}
sweeps-export-items = تصدير العناصر (CSV)
sweeps-export-timeline = تصدير التسلسل الزمني (CSV)
sweeps-export-json = تصدير الكل (JSON)
sweeps-author-title = كتابة الإصدار { $version } من الإرشادات
sweeps-author-help = املأ النموذج؛ يُفحص كل تغيير فورًا، وتظهر أول مشكلة بجانب ما تتعلق به، وتعرض المعاينة ما سيراه الوكلاء. الوصف بصيغة Markdown. وتحت «متقدم» يمكن نسخ الإصدار أو لصقه بصيغة JSON.
sweeps-author-draft = توجد مسودة محفوظة للإصدار { $version }؛ نشرها يطلب من كل وكيل الإقرار به.
sweeps-author-field = الإصدار { $version } (JSON)
sweeps-author-valid = جاهز للحفظ أو النشر.
sweeps-author-invalid = ليس جاهزًا بعد: { $reason }
sweeps-author-save = حفظ المسودة
sweeps-author-publish = نشر الإصدار { $version }
sweeps-author-preview = معاينة
sweeps-form-title = العنوان
sweeps-form-event = الحدث
sweeps-form-window = الفترة الزمنية (بتوقيتك المحلي؛ اختيارية)
sweeps-form-window-start = بداية الفترة
sweeps-form-window-end = نهاية الفترة
sweeps-form-window-both = أدخل بداية الفترة ونهايتها معًا، أو لا تدخل أيًّا منهما.
sweeps-form-regions = المناطق (مفصولة بفواصل)
sweeps-form-languages = اللغات (رموز مفصولة بفواصل)
sweeps-form-description = الوصف (Markdown)
sweeps-form-description-formatting = جارٍ تنسيق الوصف…
sweeps-form-description-formatted = منسّق كما سيقرؤه الوكلاء (انظر المعاينة).
sweeps-form-description-offline = يحتاج التنسيق إلى الاتصال: يُحفظ نصك كما كتبته، ويقرؤه الوكلاء نصًا عاديًا إلى أن يُنسَّق مع الاتصال.
sweeps-form-description-refused = تعذّر تنسيق الوصف ({ $reason })؛ يقرؤه الوكلاء نصًا عاديًا.
sweeps-form-escalation = معايير التصعيد
sweeps-form-sections = أقسام السياسات المرتبطة (القسم@الإصدار، مفصولة بفواصل)
sweeps-form-section-format = اكتب قسم السياسة بالشكل القسم@الإصدار، مثل civic-integrity.voting-logistics@3.
sweeps-form-step = الخطوة { $n }
sweeps-form-step-label = السؤال أو التحقق
sweeps-form-step-kind = نوع الإجابة
sweeps-form-kind-check = تحقق (محدد أو لا)
sweeps-form-kind-choice = اختيار (أحد عدة خيارات)
sweeps-form-kind-text = نص قصير
sweeps-form-step-options = الخيارات (مفصولة بفواصل)
sweeps-form-step-required = مطلوبة
sweeps-form-step-when = تظهر
sweeps-form-step-always = دائمًا
sweeps-form-step-missing = فقط بعد «{ $step }»، وهي ليست خطوة سابقة
sweeps-form-step-equals = عندما تكون إجابتها
sweeps-form-ticked = محدد
sweeps-form-not-ticked = غير محدد
sweeps-form-id = المعرّف (يبقى عبر الإصدارات)
sweeps-form-step-up = انقل الخطوة { $n } إلى أعلى
sweeps-form-step-remove = احذف الخطوة { $n }
sweeps-form-step-add = أضف خطوة
sweeps-form-decision = القرار { $n }
sweeps-form-decision-label = التسمية
sweeps-form-decision-section = قسم السياسة (القسم@الإصدار)
sweeps-form-decision-action = إجراء الإنفاذ
sweeps-form-decision-escalates = يصعّد العنصر إلى المختص
sweeps-form-decision-remove = احذف القرار { $n }
sweeps-form-decision-add = أضف قرارًا
sweeps-form-json = متقدم: الإصدار بصيغة JSON
sweeps-form-json-apply = ضع JSON هذا في النموذج

## البحث في السياسات (صفحة البداية)

search-heading = البحث في السياسات
search-label = ابحث في السياسات
search-placeholder = ابحث في السياسات — اضغط / للانتقال إلى هنا
search-help = تتحدث النتائج أثناء الكتابة. اضغط السهم للأسفل للانتقال إلى النتائج.
search-loading = جارٍ تحميل مكتبة السياسات…
search-nothing = لا شيء يطابق «{ $query }».
search-nothing-filtered = لا شيء يطابق «{ $query }» مع هذه المرشحات.
search-nothing-advice = تحقق من الإملاء، أو استخدم كلمات أقل أو أعم، أو أزل مرشحًا. جرّب:
search-count = { $total ->
    [one] قسم واحد مطابق
   *[other] الأقسام المطابقة: { $total }
}
search-count-best = أفضل { $shown } من { $total } من الأقسام المطابقة
search-facet-area = المجال
search-facet-region = المنطقة
search-facet-language = اللغة
search-facet-action = الإجراء
search-filter-by-area = التصفية حسب المجال
search-filter-by-region = التصفية حسب المنطقة
search-filter-by-language = التصفية حسب اللغة
search-filter-by-action = التصفية حسب الإجراء
search-region-global = عالمي
search-filter = التصفية:
search-active-filters = المرشحات النشطة
search-remove-filter = إزالة المرشح { $filter }
search-all-policies = كل السياسات ({ $count })
search-policies = السياسات
search-policy-meta = الإصدار { $version } · { $sections ->
    [one] قسم واحد
   *[other] الأقسام: { $sections }
}

## Reading lists
nav-reading = قوائم القراءة
palette-kind-reading = قائمة قراءة
search-other-language = { $language ->
    [ar] لا نتائج بالعربية؛ تُعرض أقسام بلغات أخرى.
    [ja] لا نتائج باليابانية؛ تُعرض أقسام بلغات أخرى.
   *[other] لا نتائج بلغة البحث؛ تُعرض أقسام بلغات أخرى.
}
reading-title = قوائم القراءة
reading-intro = أقسام من مكتبة السياسات تُقرأ بالترتيب، ولكل منها ملاحظة من مدرّبك. ضع علامة على كل قسم بعد قراءته.
reading-sign-in = سجّل الدخول لرؤية قوائم القراءة المشتركة مع مؤسستك.
reading-none = لم تُشارَك أي قائمة قراءة مع مؤسستك بعد.
reading-none-write = لا توجد قوائم قراءة بعد. أنشئ واحدة أدناه.
reading-progress = { $total ->
    [zero] لا أقسام
    [one] قُرئ { $read } من قسم واحد
    [two] قُرئ { $read } من قسمين
    [few] قُرئ { $read } من { $total } أقسام
   *[other] قُرئ { $read } من { $total } قسمًا
}
reading-new-title = قائمة قراءة جديدة
reading-field-title = العنوان
reading-field-description = الوصف
reading-create = إنشاء القائمة
reading-not-found = قائمة القراءة هذه غير موجودة، أو غير مشتركة مع مؤسستك.
reading-back = كل قوائم القراءة
reading-by = بقلم { $author }
reading-copy-link = نسخ رابط هذه القائمة
reading-link-copied = نُسخ الرابط
reading-empty = لا أقسام في هذه القائمة بعد.
reading-mark = وضع علامة «مقروء» على «{ $section }»
reading-changed = تغيّر منذ الإصدار { $version }: الإصدار الحالي هو { $current }. اعرض ما تغيّر
reading-unchanged = لا يزال كما هو في الإصدار الحالي { $current }.
reading-removed = هذا القسم غير موجود في الإصدار الحالي { $current }.
reading-missing = هذا القسم غير موجود في مكتبة السياسات على هذا الجهاز.
reading-read-older = قرأت الإصدار { $read }؛ تشير القائمة الآن إلى الإصدار { $version }.
reading-who-read = من قرأ ماذا
reading-nobody = لم يضع أحد علامة «مقروء» على أي قسم بعد.
reading-reader = القارئ
reading-read-count = المقروء
reading-cell-read = مقروء
reading-cell-read-old = مقروء (الإصدار { $version })
reading-cell-unread = ليس بعد
reading-edit = تعديل هذه القائمة
reading-paste-link = أضف قسمًا برابطه
reading-add = إضافة
reading-link-bad = هذا ليس رابطًا إلى قسم من سياسة. انسخه من زر ¶ في القسم أو من شريط العنوان.
reading-link-unknown = لا يوجد في مكتبة السياسات قسم كهذا في ذلك الإصدار.
reading-search = ابحث عن قسم لإضافته
reading-search-results = الأقسام التي وُجدت
reading-add-section = إضافة { $section }
reading-sections = { $max ->
   *[other] الأقسام ({ $count } من { $max } كحد أقصى)
}
reading-note-for = ملاحظتك على «{ $section }»
reading-move-up = نقل «{ $section }» لأعلى
reading-move-down = نقل «{ $section }» لأسفل
reading-remove = إزالة «{ $section }»
reading-remove-short = إزالة
reading-save = حفظ القائمة
reading-saved = حُفظ.
reading-problem-no-title = تحتاج قائمة القراءة إلى عنوان.
reading-problem-title-long = يمكن أن يكون العنوان { $max } حرفًا على الأكثر.
reading-problem-description-long = يمكن أن يكون الوصف { $max } حرفًا على الأكثر.
reading-problem-too-many = تضم قائمة القراءة { $max } قسمًا على الأكثر.
reading-problem-note-long = يمكن أن تكون الملاحظة { $max } حرفًا على الأكثر.
reading-problem-bad-item = أحد أقسام هذه القائمة غير سليم؛ أزله ثم أضفه من جديد.
reading-problem-control = يحتوي النص على محارف تحكم.
reading-problem-too-large = الملاحظات طويلة جدًا مجتمعة؛ اختصر بعضها.

## Zip import
import-zip-not-zip = ‏{ $file } ليس ملف zip.
import-zip-damaged = ‏{ $file } تالف أو مقطوع.
import-zip-damaged-file = ‏{ $file } تالف داخل ملف zip.
import-zip-too-many = ‏{ $file } يحتوي على أكثر من { $max } عنصر.
import-zip-file-too-large = ‏{ $file } أكبر من { $kib } كيلوبايت بعد فك الضغط.
import-zip-too-large = ملفات المكتبة في ملف zip أكبر من { $mib } ميغابايت مجتمعة بعد فك الضغط.
import-zip-unsupported = ‏{ $file } مشفّر أو مقسّم أو مضغوط بطريقة لا تستطيع هذه الصفحة قراءتها. اضغط المجلد من جديد دون كلمة مرور.
import-zip-bad-path = ‏{ $file } ليس مسارًا آمنًا داخل المجلد.
