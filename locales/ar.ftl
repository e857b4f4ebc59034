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
