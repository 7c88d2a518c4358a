<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AgentSession</name>
    <message>
        <source>The saved conversation could not be read: %1</source>
        <translation>تعذّرت قراءة المحادثة المحفوظة: %1</translation>
    </message>
    <message>
        <source>The saved conversation is nested deeper than %1 levels.</source>
        <translation>المحادثة المحفوظة متداخلة بعمق يتجاوز %1 مستوى.</translation>
    </message>
    <message>
        <source>The app was closed while this was running. It was not repeated, so that it cannot happen twice.</source>
        <translation>أُغلق التطبيق أثناء تنفيذ هذا الإجراء. لم تتم إعادته، حتى لا يحدث مرتين.</translation>
    </message>
    <message>
        <source>%1 It was set aside as %2, and a new conversation begins.</source>
        <translation>%1 حُفظت جانبًا باسم %2، وتبدأ محادثة جديدة.</translation>
    </message>
    <message>
        <source>%1 It could not be set aside either, so this conversation is not saved (%2 is kept as it is).</source>
        <translation>%1 وتعذّر حفظها جانبًا أيضًا، لذا لن تُحفظ هذه المحادثة (سيبقى %2 كما هو).</translation>
    </message>
    <message>
        <source>Stopped by you.</source>
        <translation>تم الإيقاف بطلب منك.</translation>
    </message>
    <message>
        <source>Cancelled by you.</source>
        <translation>تم الإلغاء بطلب منك.</translation>
    </message>
    <message>
        <source>I stopped: the agent kept calling tools without answering.</source>
        <translation>توقفتُ: ظل الوكيل يستدعي الأدوات دون أن يجيب.</translation>
    </message>
    <message>
        <source>The agent failed: %1</source>
        <translation>أخفق الوكيل: %1</translation>
    </message>
    <message>
        <source>There is no tool called &quot;%1&quot;.</source>
        <translation>لا توجد أداة باسم «%1».</translation>
    </message>
    <message>
        <source>The conversation could not be saved: %1</source>
        <translation>تعذّر حفظ المحادثة: %1</translation>
    </message>
</context>
<context>
    <name>AgentSettingsCard</name>
    <message>
        <source>Agent</source>
        <translation>الوكيل</translation>
    </message>
    <message>
        <source>Rule-based demo agent (no language model, no network)</source>
        <translation>وكيل تجريبي قائم على القواعد (بلا نموذج لغوي، وبلا شبكة)</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>خادم متوافق مع OpenAI</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>عنوان URL الأساسي</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>مفتاح API</translation>
    </message>
    <message>
        <source>Saved in the keychain; type to replace it</source>
        <translation>محفوظ في سلسلة المفاتيح؛ اكتب مفتاحًا جديدًا لاستبداله</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Save the agent settings</source>
        <translation>حفظ إعدادات الوكيل</translation>
    </message>
</context>
<context>
    <name>ApiTools</name>
    <message>
        <source>There is no permission to use %1.</source>
        <translation>لا يوجد إذن باستخدام %1.</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>رفض %1: %2</translation>
    </message>
    <message>
        <source>The data API</source>
        <translation>واجهة API للبيانات</translation>
    </message>
    <message>
        <source>The calendar</source>
        <translation>التقويم</translation>
    </message>
    <message>
        <source>The documents API</source>
        <translation>واجهة API للمستندات</translation>
    </message>
    <message>
        <source>The documents API answered with something that is not a list.</source>
        <translation>أجابت واجهة API للمستندات بشيء ليس قائمة.</translation>
    </message>
</context>
<context>
    <name>Approval</name>
    <message>
        <source>The server sent an approval request with a missing or malformed &quot;%1&quot;.</source>
        <translation>أرسل الخادم طلب موافقة يفتقد «%1» أو يحتويه بصيغة غير صالحة.</translation>
    </message>
    <message>
        <source>The server sent an approval request that is not a JSON object.</source>
        <translation>أرسل الخادم طلب موافقة ليس كائن JSON.</translation>
    </message>
    <message>
        <source>The server&apos;s list of approval requests is malformed.</source>
        <translation>قائمة طلبات الموافقة الواردة من الخادم غير صالحة الصيغة.</translation>
    </message>
</context>
<context>
    <name>ApprovalCard</name>
    <message>
        <source>Waiting for your approval</source>
        <translation>بانتظار موافقتك</translation>
    </message>
    <message>
        <source>Replaced by a newer request</source>
        <translation>استُبدل بطلب أحدث</translation>
    </message>
    <message>
        <source>No longer waiting</source>
        <translation>لم يعد قيد الانتظار</translation>
    </message>
    <message>
        <source>Check that your inbox shows the same message, then decide there:</source>
        <translation>تحقق من أن صندوق الوارد يعرض الرسالة نفسها، ثم اتخذ قرارك هناك:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Stop waiting for this approval</source>
        <translation>التوقف عن انتظار هذه الموافقة</translation>
    </message>
    <message>
        <source>Open in inbox</source>
        <translation>فتح في صندوق الوارد</translation>
    </message>
</context>
<context>
    <name>ApprovalChannel</name>
    <message>
        <source>Auth0 sends approval requests to the Auth0 Guardian app on your phone: approve or deny them there.</source>
        <translation>يرسل Auth0 طلبات الموافقة إلى تطبيق Auth0 Guardian على هاتفك: وافق عليها أو ارفضها هناك.</translation>
    </message>
    <message>
        <source>%1 has no approval channel: approval requests reach you another way (for Auth0, in the Guardian app).</source>
        <translation>ليس لدى %1 قناة للموافقات: تصلك طلبات الموافقة بطريقة أخرى (في حالة Auth0، عبر تطبيق Guardian).</translation>
    </message>
</context>
<context>
    <name>ApprovalsClient</name>
    <message>
        <source>This request does not exist, or it is not yours to decide.</source>
        <translation>هذا الطلب غير موجود، أو ليس لك أن تقرر بشأنه.</translation>
    </message>
    <message>
        <source>This request was already decided the other way.</source>
        <translation>سبق اتخاذ قرار معاكس بشأن هذا الطلب.</translation>
    </message>
    <message>
        <source>This request has expired; it can no longer be decided.</source>
        <translation>انتهت صلاحية هذا الطلب؛ لم يعد من الممكن البت فيه.</translation>
    </message>
</context>
<context>
    <name>ApprovedActionTools</name>
    <message>
        <source>There is no approval for this trade.</source>
        <translation>لا توجد موافقة على هذه الصفقة.</translation>
    </message>
    <message>
        <source>The stock API refused the order: %1</source>
        <translation>رفضت واجهة API للأسهم أمر التداول: %1</translation>
    </message>
    <message>
        <source>There is no approval for this payment.</source>
        <translation>لا توجد موافقة على هذه الدفعة.</translation>
    </message>
    <message>
        <source>The payments API refused the payment: %1</source>
        <translation>رفضت واجهة API للمدفوعات الدفعة: %1</translation>
    </message>
</context>
<context>
    <name>ArgumentValidation</name>
    <message>
        <source>the arguments</source>
        <translation>الوسائط</translation>
    </message>
    <message>
        <source>%1: must be of type %2</source>
        <translation>في %1: يجب أن يكون من النوع %2</translation>
    </message>
    <message>
        <source>%1: must be one of %2</source>
        <translation>في %1: يجب أن يكون إحدى القيم %2</translation>
    </message>
    <message>
        <source>%1: must be at least %2</source>
        <translation>في %1: يجب ألا يقل عن %2</translation>
    </message>
    <message>
        <source>%1: must be more than %2</source>
        <translation>في %1: يجب أن يكون أكبر من %2</translation>
    </message>
    <message>
        <source>%1: must be at most %2</source>
        <translation>في %1: يجب ألا يزيد على %2</translation>
    </message>
    <message>
        <source>%1: must have at least %2 characters</source>
        <translation>في %1: يجب ألا يقل عدد أحرفه عن %2</translation>
    </message>
    <message>
        <source>%1: must have at most %2 characters</source>
        <translation>في %1: يجب ألا يزيد عدد أحرفه على %2</translation>
    </message>
    <message>
        <source>%1: must match %2</source>
        <translation>في %1: يجب أن يطابق %2</translation>
    </message>
    <message>
        <source>%1: is missing &quot;%2&quot;</source>
        <translation>في %1: ينقصه «%2»</translation>
    </message>
    <message>
        <source>%1: is not a known parameter</source>
        <translation>في %1: ليس معاملًا معروفًا</translation>
    </message>
</context>
<context>
    <name>AsyncAuthorizer</name>
    <message>
        <source>Approvals are not available right now.</source>
        <translation>الموافقات غير متاحة حاليًا.</translation>
    </message>
    <message>
        <source>The approval request could not be sent: %1</source>
        <translation>تعذّر إرسال طلب الموافقة: %1</translation>
    </message>
    <message>
        <source>in your inbox</source>
        <translation>في صندوق الوارد لديك</translation>
    </message>
    <message>
        <source>Waiting for your approval of &quot;%1&quot; (%2; until %3).</source>
        <translation>بانتظار موافقتك على «%1» (%2؛ حتى %3).</translation>
    </message>
    <message>
        <source>The saved approval request is damaged (&quot;%1&quot;); ask again.</source>
        <translation>طلب الموافقة المحفوظ تالف («%1»)؛ أعد الطلب.</translation>
    </message>
    <message>
        <source>You denied this.</source>
        <translation>لقد رفضت هذا.</translation>
    </message>
    <message>
        <source>You denied this: %1</source>
        <translation>لقد رفضت هذا: %1</translation>
    </message>
    <message>
        <source>Nobody approved this in time.</source>
        <translation>لم يوافق أحد على هذا في الوقت المحدد.</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Countersign cannot start at login from where it is installed: its path has a control character in it (%1).</source>
        <translation>لا يمكن تشغيل Countersign عند تسجيل الدخول من مكان تثبيته: في مساره محرف تحكم (%1).</translation>
    </message>
    <message>
        <source>Countersign could not set itself to start at login: %1 could not be written (%2).</source>
        <translation>تعذّر ضبط Countersign ليبدأ عند تسجيل الدخول: تعذّرت كتابة %1 (%2).</translation>
    </message>
    <message>
        <source>its folder could not be made</source>
        <translation>تعذّر إنشاء مجلده</translation>
    </message>
    <message>
        <source>Countersign could not stop starting at login: %1 could not be removed (%2).</source>
        <translation>تعذّر إيقاف بدء Countersign عند تسجيل الدخول: تعذّرت إزالة %1 (%2).</translation>
    </message>
</context>
<context>
    <name>ChatBubble</name>
    <message>
        <source>You: %1</source>
        <translation>أنت: %1</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>الوكيل: %1</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>Chatting with: %1</source>
        <translation>المحادثة مع: %1</translation>
    </message>
    <message>
        <source>Whatever it does on your behalf waits for your approval, here or in your inbox.</source>
        <translation>كل ما يفعله نيابةً عنك ينتظر موافقتك، هنا أو في صندوق الوارد.</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Start a new chat</source>
        <translation>بدء محادثة جديدة</translation>
    </message>
    <message>
        <source>Conversation with the agent</source>
        <translation>المحادثة مع الوكيل</translation>
    </message>
    <message>
        <source>Ask the agent</source>
        <translation>اسأل الوكيل</translation>
    </message>
    <message>
        <source>Ask it to do something for you, for example &quot;Buy 3 shares of ACME&quot;. Before it acts on your behalf, it asks for your approval.</source>
        <translation>اطلب منه أن يفعل شيئًا من أجلك، مثل «Buy 3 shares of ACME». وقبل أن يتصرف نيابةً عنك، يطلب موافقتك.</translation>
    </message>
    <message>
        <source>Waiting for you: see above.</source>
        <translation>بانتظارك: انظر أعلاه.</translation>
    </message>
    <message>
        <source>The agent is working…</source>
        <translation>الوكيل يعمل…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Stop the agent and everything it is waiting for</source>
        <translation>إيقاف الوكيل وكل ما ينتظره</translation>
    </message>
    <message>
        <source>You can send once the agent is done</source>
        <translation>يمكنك الإرسال بعد أن ينتهي الوكيل</translation>
    </message>
    <message>
        <source>Message the agent</source>
        <translation>اكتب رسالة إلى الوكيل</translation>
    </message>
    <message>
        <source>Message to the agent</source>
        <translation>رسالة إلى الوكيل</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>إرسال الرسالة</translation>
    </message>
</context>
<context>
    <name>CibaClient</name>
    <message>
        <source>The provider&apos;s answer has no &quot;auth_req_id&quot;.</source>
        <translation>لا تحتوي إجابة المزوّد على «auth_req_id».</translation>
    </message>
    <message>
        <source>The agent stopped waiting.</source>
        <translation>توقف الوكيل عن الانتظار.</translation>
    </message>
</context>
<context>
    <name>CliRunner</name>
    <message>
        <source>Error: %1</source>
        <translation>خطأ: %1</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Commands:</source>
        <translation>الأوامر:</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 أو %2</translation>
    </message>
    <message>
        <source>--%1 only applies to &quot;%2&quot;.</source>
        <translation>لا ينطبق --%1 إلا على «%2».</translation>
    </message>
    <message>
        <source>Give one command: %1. See --help.</source>
        <translation>حدّد أمرًا واحدًا: %1. راجع --help.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. See --help.</source>
        <translation>أمر غير معروف «%1». راجع --help.</translation>
    </message>
</context>
<context>
    <name>ConnectAccountCard</name>
    <message>
        <source>Connect your %1 account</source>
        <translation>اربط حساب %1 الخاص بك</translation>
    </message>
    <message>
        <source>Tried again</source>
        <translation>تمت إعادة المحاولة</translation>
    </message>
    <message>
        <source>No longer waiting</source>
        <translation>لم يعد قيد الانتظار</translation>
    </message>
    <message>
        <source>The agent needs your %1 account for this. Connect it on the page that opens in your browser, then choose Try again.</source>
        <translation>يحتاج الوكيل إلى حساب %1 الخاص بك لهذا الغرض. اربطه في الصفحة التي تُفتح في متصفحك، ثم اختر «إعادة المحاولة».</translation>
    </message>
    <message>
        <source>The agent needs your %1 account for this. Connect it with your provider, then choose Try again.</source>
        <translation>يحتاج الوكيل إلى حساب %1 الخاص بك لهذا الغرض. اربطه لدى المزوّد، ثم اختر «إعادة المحاولة».</translation>
    </message>
    <message>
        <source>Open connect page</source>
        <translation>فتح صفحة الربط</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Give up on this</source>
        <translation>التخلي عن هذا</translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>The saved conversation has a missing or malformed &quot;%1&quot;.</source>
        <translation>المحادثة المحفوظة ينقصها «%1» أو أنه بصيغة غير صالحة.</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>Expired</source>
        <translation>منتهي الصلاحية</translation>
    </message>
    <message>
        <source>%1 h left</source>
        <translation>متبقٍ %1 س</translation>
    </message>
    <message>
        <source>%1:%2 left</source>
        <translation>متبقٍ %1:%2</translation>
    </message>
</context>
<context>
    <name>DecisionButtons</name>
    <message>
        <source>Deny</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>موافقة</translation>
    </message>
</context>
<context>
    <name>DemoBackend</name>
    <message>
        <source>I am the rule-based demo agent. I understand requests like: &quot;Buy 3 shares of ACME&quot;, &quot;Sell 2 shares of GLOBEX at least 50&quot;, &quot;Pay 25 EUR to Erika&quot;, &quot;Check my calendar tomorrow&quot;, &quot;Fetch data record r-1001&quot;, &quot;Search documents about budget&quot;, &quot;Read document q3-plan&quot; and &quot;What can I do?&quot;.</source>
        <translation>أنا الوكيل التجريبي القائم على القواعد. أفهم طلبات مثل: «Buy 3 shares of ACME» و«Sell 2 shares of GLOBEX at least 50» و«Pay 25 EUR to Erika» و«Check my calendar tomorrow» و«Fetch data record r-1001» و«Search documents about budget» و«Read document q3-plan» و«What can I do?».</translation>
    </message>
    <message>
        <source>I could not do that: %1</source>
        <translation>لم أتمكن من فعل ذلك: %1</translation>
    </message>
    <message>
        <source>Done: %1 %2 %3 shares at %4 %5 (total %6 %5, order %7).</source>
        <translation>تم: %1 %2 من أسهم %3 بسعر %4 %5 (الإجمالي %6 %5، الأمر %7).</translation>
    </message>
    <message>
        <source>bought</source>
        <translation>شراء</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>بيع</translation>
    </message>
    <message>
        <source>Done: paid %1 %2 to %3 (payment %4).</source>
        <translation>تم: دُفع %1 %2 إلى %3 (الدفعة %4).</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 إلى %2</translation>
    </message>
    <message>
        <source>You are free all day on %1.</source>
        <translation>أنت متفرغ طوال يوم %1.</translation>
    </message>
    <message>
        <source>On %1 you are busy %2.</source>
        <translation>في %1 أنت مشغول: %2.</translation>
    </message>
    <message>
        <source>Record %1, &quot;%2&quot;: %3</source>
        <translation>السجل %1، «%2»: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>No documents you may read match &quot;%1&quot;.</source>
        <translation>لا توجد مستندات مسموح لك بقراءتها تطابق «%1».</translation>
    </message>
    <message>
        <source>Documents you may read about &quot;%1&quot;: %2.</source>
        <translation>المستندات المسموح لك بقراءتها حول «%1»: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>«%1»: %2</translation>
    </message>
    <message>
        <source>%1 returned: %2</source>
        <translation>أعاد %1: %2</translation>
    </message>
    <message>
        <source>I do not know who you are: nobody is signed in.</source>
        <translation>لا أعرف من أنت: لم يسجّل أحد الدخول.</translation>
    </message>
    <message>
        <source>You are signed in as %1.</source>
        <translation>أنت مسجّل الدخول باسم %1.</translation>
    </message>
    <message>
        <source>I can: %1.</source>
        <translation>أستطيع: %1.</translation>
    </message>
    <message>
        <source>I cannot: %1.</source>
        <translation>لا أستطيع: %1.</translation>
    </message>
    <message>
        <source>Rule-based demo agent (no language model)</source>
        <translation>وكيل تجريبي قائم على القواعد (بلا نموذج لغوي)</translation>
    </message>
    <message>
        <source>I cannot do that here: the %1 tool is not available in this session.</source>
        <translation>لا أستطيع فعل ذلك هنا: الأداة %1 غير متاحة في هذه الجلسة.</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
</context>
<context>
    <name>DesktopSettingsCard</name>
    <message>
        <source>On this computer</source>
        <translation>على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Start Countersign when I log in (hidden in the tray)</source>
        <translation>شغّل Countersign عند تسجيل دخولي (مخفيًا في منطقة الإشعارات)</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>استمر في العمل في منطقة الإشعارات عند إغلاق النافذة</translation>
    </message>
</context>
<context>
    <name>DetailSections</name>
    <message>
        <source>Show all</source>
        <translation>عرض الكل</translation>
    </message>
</context>
<context>
    <name>DeviceApprover</name>
    <message>
        <source>No device is waiting for this code. Check it against the device&apos;s screen.</source>
        <translation>لا يوجد جهاز ينتظر هذا الرمز. قارنه بما يظهر على شاشة الجهاز.</translation>
    </message>
    <message>
        <source>This code has expired. Ask the device for a new one.</source>
        <translation>انتهت صلاحية هذا الرمز. اطلب من الجهاز رمزًا جديدًا.</translation>
    </message>
    <message>
        <source>This code was already decided the other way.</source>
        <translation>سبق اتخاذ قرار معاكس بشأن هذا الرمز.</translation>
    </message>
    <message>
        <source>Too many unknown codes were tried. Wait a minute, then try again.</source>
        <translation>جُرّبت رموز غير معروفة كثيرة جدًا. انتظر دقيقة، ثم حاول مجددًا.</translation>
    </message>
</context>
<context>
    <name>DeviceAuthorizationClient</name>
    <message>
        <source>The provider&apos;s answer has no &quot;device_code&quot;.</source>
        <translation>لا تحتوي إجابة المزوّد على «device_code».</translation>
    </message>
    <message>
        <source>The provider&apos;s answer has no &quot;user_code&quot;.</source>
        <translation>لا تحتوي إجابة المزوّد على «user_code».</translation>
    </message>
    <message>
        <source>The provider&apos;s answer has no valid &quot;verification_uri&quot;.</source>
        <translation>لا تحتوي إجابة المزوّد على «verification_uri» صالح.</translation>
    </message>
    <message>
        <source>Stopped waiting for the code.</source>
        <translation>تم التوقف عن انتظار الرمز.</translation>
    </message>
</context>
<context>
    <name>DeviceAuthorizer</name>
    <message>
        <source>Device authorization is not available right now.</source>
        <translation>تفويض الأجهزة غير متاح حاليًا.</translation>
    </message>
    <message>
        <source>The agent could not get a code to approve: %1</source>
        <translation>تعذّر على الوكيل الحصول على رمز للموافقة عليه: %1</translation>
    </message>
    <message>
        <source>Enter the code %1 on the &quot;Enter code&quot; page (or at %2) and approve it.</source>
        <translation>أدخل الرمز %1 في صفحة «إدخال الرمز» (أو على %2) ووافق عليه.</translation>
    </message>
    <message>
        <source>To %1, enter the code %2 on the &quot;Enter code&quot; page (or at %3) and approve it.</source>
        <translation>من أجل %1، أدخل الرمز %2 في صفحة «إدخال الرمز» (أو على %3) ووافق عليه.</translation>
    </message>
    <message>
        <source>The saved device code is damaged (&quot;%1&quot;); ask again.</source>
        <translation>رمز الجهاز المحفوظ تالف («%1»)؛ أعد الطلب.</translation>
    </message>
    <message>
        <source>You denied the code %1.</source>
        <translation>لقد رفضت الرمز %1.</translation>
    </message>
    <message>
        <source>Nobody entered the code %1 in time.</source>
        <translation>لم يُدخل أحد الرمز %1 في الوقت المحدد.</translation>
    </message>
</context>
<context>
    <name>DeviceCodeCard</name>
    <message>
        <source>Code %1</source>
        <translation>الرمز %1</translation>
    </message>
    <message>
        <source>Approve with a code</source>
        <translation>الموافقة باستخدام رمز</translation>
    </message>
    <message>
        <source>Replaced by a newer code</source>
        <translation>استُبدل برمز أحدث</translation>
    </message>
    <message>
        <source>No longer waiting</source>
        <translation>لم يعد قيد الانتظار</translation>
    </message>
    <message>
        <source>The agent needs your approval for this. Enter the code on the Enter code page, or on your provider&apos;s page.</source>
        <translation>يحتاج الوكيل إلى موافقتك على هذا. أدخل الرمز في صفحة «إدخال الرمز»، أو في صفحة المزوّد.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>تم النسخ</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>نسخ الرمز</translation>
    </message>
    <message>
        <source>Open page</source>
        <translation>فتح الصفحة</translation>
    </message>
    <message>
        <source>Open your provider&apos;s page for the code</source>
        <translation>فتح صفحة المزوّد الخاصة بالرمز</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Stop waiting for this code</source>
        <translation>التوقف عن انتظار هذا الرمز</translation>
    </message>
    <message>
        <source>Enter code</source>
        <translation>إدخال الرمز</translation>
    </message>
    <message>
        <source>Enter the code on the Enter code page</source>
        <translation>إدخال الرمز في صفحة «إدخال الرمز»</translation>
    </message>
</context>
<context>
    <name>DeviceCodePage</name>
    <message>
        <source>Enter the code a device shows you</source>
        <translation>أدخل الرمز الذي يعرضه عليك الجهاز</translation>
    </message>
    <message>
        <source>A TV, a command-line tool or another computer that wants to act as you shows a code such as WDJB-MJHT. Type it here, or paste the link it shows.</source>
        <translation>يعرض التلفاز أو أداة سطر الأوامر أو أي حاسوب آخر يريد التصرف باسمك رمزًا مثل WDJB-MJHT. اكتبه هنا، أو الصق الرابط الذي يعرضه.</translation>
    </message>
    <message>
        <source>WDJB-MJHT, or the device&apos;s link</source>
        <translation>رمز مثل WDJB-MJHT أو رابط الجهاز</translation>
    </message>
    <message>
        <source>Device code or link</source>
        <translation>رمز الجهاز أو الرابط</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>بحث</translation>
    </message>
</context>
<context>
    <name>DeviceRequest</name>
    <message>
        <source>The server described the device code with a missing or malformed &quot;%1&quot;.</source>
        <translation>وصف الخادم رمز الجهاز مع «%1» مفقود أو غير صالح الصيغة.</translation>
    </message>
    <message>
        <source>The server described the device code with something that is not a JSON object.</source>
        <translation>وصف الخادم رمز الجهاز بشيء ليس كائن JSON.</translation>
    </message>
</context>
<context>
    <name>DiscoveryClient</name>
    <message>
        <source>&quot;%1&quot; is not a valid issuer URL.</source>
        <translation>العنوان «%1» ليس عنوان URL صالحًا لجهة الإصدار.</translation>
    </message>
    <message>
        <source>The issuer %1 does not use https. Only providers on this computer (127.0.0.1) may use plain http.</source>
        <translation>لا تستخدم جهة الإصدار %1 بروتوكول https. لا يُسمح باستخدام http العادي إلا للمزوّدين على هذا الحاسوب (127.0.0.1).</translation>
    </message>
    <message>
        <source>%1 is not an OpenID provider: %2</source>
        <translation>العنوان %1 ليس مزوّد OpenID: %2</translation>
    </message>
</context>
<context>
    <name>EventStream</name>
    <message>
        <source>The server did not answer with an event stream (it sent &quot;%1&quot;).</source>
        <translation>لم يُجب الخادم بتدفق أحداث (أرسل «%1»).</translation>
    </message>
    <message>
        <source>The server sent an oversized error answer.</source>
        <translation>أرسل الخادم رسالة خطأ كبيرة الحجم على نحو غير معقول.</translation>
    </message>
    <message>
        <source>The server sent an event too large to be genuine.</source>
        <translation>أرسل الخادم حدثًا أكبر من أن يكون حقيقيًا.</translation>
    </message>
    <message>
        <source>The server closed the event stream.</source>
        <translation>أغلق الخادم تدفق الأحداث.</translation>
    </message>
</context>
<context>
    <name>FederatedTokenAuthorizer</name>
    <message>
        <source>Your %1 account could not be reached: %2</source>
        <translation>تعذّر الوصول إلى حساب %1 الخاص بك: %2</translation>
    </message>
    <message>
        <source>Connect your %1 account, then try again.</source>
        <translation>اربط حساب %1 الخاص بك، ثم حاول مجددًا.</translation>
    </message>
</context>
<context>
    <name>FgaAuthorizer</name>
    <message>
        <source>Permissions cannot be checked right now.</source>
        <translation>لا يمكن التحقق من الأذونات حاليًا.</translation>
    </message>
    <message>
        <source>Your permissions could not be checked: %1</source>
        <translation>تعذّر التحقق من أذوناتك: %1</translation>
    </message>
    <message>
        <source>You are not a %1 of %2, so the agent may not use it.</source>
        <translation>لا تملك دور %1 في %2، لذا لا يجوز للوكيل استخدامه.</translation>
    </message>
    <message>
        <source>There is nothing to resume; ask again.</source>
        <translation>لا يوجد ما يمكن استئنافه؛ أعد الطلب.</translation>
    </message>
</context>
<context>
    <name>FgaClient</name>
    <message>
        <source>The authorization service sent an unreadable answer.</source>
        <translation>أرسلت خدمة التفويض إجابة غير قابلة للقراءة.</translation>
    </message>
</context>
<context>
    <name>GuiCommandLine</name>
    <message>
        <source>Could not save the screenshot to %1</source>
        <translation>تعذّر حفظ لقطة الشاشة في %1</translation>
    </message>
    <message>
        <source>Countersign: sign in to your OpenID provider.</source>
        <translation>Countersign: سجّل الدخول لدى مزوّد OpenID الخاص بك.</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once it is shown, then quit.</source>
        <translation>حفظ صورة للنافذة في FILE بمجرد ظهورها، ثم الخروج.</translation>
    </message>
    <message>
        <source>A device&apos;s verification link (with its code) to open on the &quot;Enter code&quot; page.</source>
        <translation>رابط التحقق الخاص بجهاز (مع رمزه) لفتحه في صفحة «إدخال الرمز».</translation>
    </message>
    <message>
        <source>The issuer must be an https:// URL (or http:// on this computer): %1</source>
        <translation>يجب أن تكون جهة الإصدار عنوان URL يبدأ بـ https:// (أو http:// على هذا الحاسوب): %1</translation>
    </message>
    <message>
        <source>Give at most one device link.</source>
        <translation>حدّد رابط جهاز واحدًا على الأكثر.</translation>
    </message>
    <message>
        <source>Not a device&apos;s verification link: %1</source>
        <translation>ليس رابط تحقق خاصًا بجهاز: %1</translation>
    </message>
    <message>
        <source>Start without showing the window (as at login); starting Countersign again shows it.</source>
        <translation>البدء دون إظهار النافذة (كما عند تسجيل الدخول)؛ تشغيل Countersign مرة أخرى يُظهرها.</translation>
    </message>
    <message>
        <source>--hidden and --screenshot do not go together: a screenshot needs the window.</source>
        <translation>لا يجتمع الخياران --hidden و--screenshot: لقطة الشاشة تحتاج إلى النافذة.</translation>
    </message>
    <message>
        <source>Countersign is already running; passed it on.</source>
        <translation>تطبيق Countersign يعمل بالفعل؛ تم تمرير الطلب إليه.</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>Could not connect to %1: the connection was refused. Is the server running?</source>
        <translation>تعذّر الاتصال بـ %1: رُفض الاتصال. هل الخادم قيد التشغيل؟</translation>
    </message>
    <message>
        <source>Could not find the server %1. Check the address and your network connection.</source>
        <translation>تعذّر العثور على الخادم %1. تحقق من العنوان ومن اتصالك بالشبكة.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>لم يُجب %1 في الوقت المحدد.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation>فشل الاتصال الآمن بـ %1: %2</translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation>تعذّر الوصول إلى %1: %2</translation>
    </message>
    <message>
        <source>The %1 is not valid JSON (error at byte %2).</source>
        <translation>%1 ليس JSON صالحًا (خطأ عند البايت %2).</translation>
    </message>
    <message>
        <source>%1 sent JSON nested deeper than %2 levels.</source>
        <translation>أرسل %1 بيانات JSON متداخلة بعمق يتجاوز %2 مستوى.</translation>
    </message>
    <message>
        <source>The %1 is not a JSON object.</source>
        <translation>%1 ليس كائن JSON.</translation>
    </message>
    <message>
        <source>%1 answered with HTTP status %2.</source>
        <translation>أجاب %1 برمز حالة HTTP %2.</translation>
    </message>
    <message>
        <source>%1 sent an answer too large to be genuine.</source>
        <translation>أرسل %1 إجابة أكبر من أن تكون حقيقية.</translation>
    </message>
    <message>
        <source>response from %1</source>
        <translation>الرد من %1</translation>
    </message>
</context>
<context>
    <name>IdTokenValidator</name>
    <message>
        <source>The sign-in token has no &quot;%1&quot; claim.</source>
        <translation>لا يحتوي رمز تسجيل الدخول المميز على المطالبة «%1».</translation>
    </message>
    <message>
        <source>The sign-in token&apos;s &quot;%1&quot; claim has an invalid value.</source>
        <translation>المطالبة «%1» في رمز تسجيل الدخول المميز تحمل قيمة غير صالحة.</translation>
    </message>
    <message>
        <source>The sign-in token wraps other content, which an ID token never does.</source>
        <translation>يغلّف رمز تسجيل الدخول المميز محتوى آخر، وهو ما لا يفعله رمز الهوية المميز (ID token) أبدًا.</translation>
    </message>
    <message>
        <source>The token is another kind of token (such as an access token), not an ID token.</source>
        <translation>هذا الرمز المميز من نوع آخر (مثل رمز الوصول)، وليس رمز هوية مميزًا (ID token).</translation>
    </message>
    <message>
        <source>The sign-in token was issued by a different identity provider.</source>
        <translation>صدر رمز تسجيل الدخول المميز عن مزوّد هوية مختلف.</translation>
    </message>
    <message>
        <source>The sign-in token was issued for a different application.</source>
        <translation>صدر رمز تسجيل الدخول المميز لتطبيق مختلف.</translation>
    </message>
    <message>
        <source>The sign-in token is meant for several applications but does not say which one requested it.</source>
        <translation>رمز تسجيل الدخول المميز مخصص لعدة تطبيقات، لكنه لا يحدد أيها طلبه.</translation>
    </message>
    <message>
        <source>The sign-in token was requested by a different application.</source>
        <translation>طلب تطبيقٌ مختلف رمز تسجيل الدخول المميز هذا.</translation>
    </message>
    <message>
        <source>The sign-in token has expired. If this keeps happening, check that this computer&apos;s clock is correct.</source>
        <translation>انتهت صلاحية رمز تسجيل الدخول المميز. إذا تكرر ذلك، فتحقق من صحة ساعة هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The sign-in token claims to be issued in the future. Check that this computer&apos;s clock is correct.</source>
        <translation>يدّعي رمز تسجيل الدخول المميز أنه صادر في المستقبل. تحقق من صحة ساعة هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The sign-in token was issued too long ago.</source>
        <translation>صدر رمز تسجيل الدخول المميز منذ وقت طويل جدًا.</translation>
    </message>
    <message>
        <source>The sign-in token is not valid yet. Check that this computer&apos;s clock is correct.</source>
        <translation>رمز تسجيل الدخول المميز ليس صالحًا بعد. تحقق من صحة ساعة هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The sign-in token does not carry the sign-in request&apos;s nonce.</source>
        <translation>لا يحمل رمز تسجيل الدخول المميز قيمة nonce الخاصة بطلب تسجيل الدخول.</translation>
    </message>
    <message>
        <source>The sign-in token belongs to a different sign-in attempt (nonce mismatch).</source>
        <translation>ينتمي رمز تسجيل الدخول المميز إلى محاولة تسجيل دخول أخرى (عدم تطابق nonce).</translation>
    </message>
    <message>
        <source>The sign-in token does not identify the user (&quot;sub&quot;).</source>
        <translation>لا يحدد رمز تسجيل الدخول المميز هوية المستخدم («sub»).</translation>
    </message>
    <message>
        <source>The sign-in cannot be checked: the identity provider&apos;s issuer or this app&apos;s client id is not configured.</source>
        <translation>لا يمكن التحقق من تسجيل الدخول: لم يتم إعداد جهة إصدار مزوّد الهوية أو معرّف العميل لهذا التطبيق.</translation>
    </message>
    <message>
        <source>The sign-in token&apos;s claims are not a JSON object.</source>
        <translation>مطالبات رمز تسجيل الدخول المميز ليست كائن JSON.</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Approved</source>
        <translation>تمت الموافقة</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>تم الرفض</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهي الصلاحية</translation>
    </message>
    <message>
        <source>Open a request to see it here.</source>
        <translation>افتح طلبًا لعرضه هنا.</translation>
    </message>
    <message>
        <source>Requests your agent is waiting on</source>
        <translation>الطلبات التي ينتظرها وكيلك</translation>
    </message>
    <message>
        <source>Waiting, %1</source>
        <translation>قيد الانتظار، %1</translation>
    </message>
    <message>
        <source>Not completed: %1</source>
        <translation>لم يكتمل: %1</translation>
    </message>
    <message>
        <source>Your agent is not waiting for any approval. When it asks for one, the request goes to Auth0 Guardian and shows here too, with where it stands.</source>
        <translation>لا ينتظر وكيلك أي موافقة. وعندما يطلب موافقة، يُرسَل الطلب إلى Auth0 Guardian ويظهر هنا أيضًا مع حالته.</translation>
    </message>
    <message>
        <source>Approval requests</source>
        <translation>طلبات الموافقة</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>جارٍ الإرسال…</translation>
    </message>
    <message>
        <source>Remove from history</source>
        <translation>إزالة من السجل</translation>
    </message>
    <message>
        <source>Nothing waiting for you</source>
        <translation>لا شيء بانتظارك</translation>
    </message>
    <message>
        <source>When an app or AI agent asks to act on your behalf (to buy stock, say, or to make a payment) the request appears here at once, and you decide whether it goes ahead.</source>
        <translation>عندما يطلب تطبيق أو وكيل ذكاء اصطناعي التصرف نيابةً عنك (لشراء أسهم مثلًا، أو لإجراء دفعة)، يظهر الطلب هنا فورًا، وتقرر أنت ما إذا كان سيُنفَّذ.</translation>
    </message>
</context>
<context>
    <name>JwkSet</name>
    <message>
        <source>A key without an id</source>
        <translation>مفتاح بلا معرّف</translation>
    </message>
    <message>
        <source>Key &quot;%1&quot;</source>
        <translation>المفتاح «%1»</translation>
    </message>
    <message>
        <source>%1 is an RSA key without a valid modulus and exponent.</source>
        <translation>%1 مفتاح RSA بلا معامل (modulus) وأُسّ صالحين.</translation>
    </message>
    <message>
        <source>%1 is an RSA key of an unsupported size.</source>
        <translation>%1 مفتاح RSA بحجم غير مدعوم.</translation>
    </message>
    <message>
        <source>%1 is not a valid RSA public key.</source>
        <translation>%1 ليس مفتاح RSA عامًا صالحًا.</translation>
    </message>
    <message>
        <source>%1 is an RSA key of %2 bits; at least %3 bits are required.</source>
        <translation>%1 مفتاح RSA بطول %2 بت؛ ويلزم %3 بت على الأقل.</translation>
    </message>
    <message>
        <source>%1 is an EC key without valid coordinates.</source>
        <translation>%1 مفتاح EC بلا إحداثيات صالحة.</translation>
    </message>
    <message>
        <source>%1 does not describe a point on curve %2.</source>
        <translation>لا يصف %1 نقطة على المنحنى %2.</translation>
    </message>
    <message>
        <source>%1 is not a valid EC public key.</source>
        <translation>%1 ليس مفتاح EC عامًا صالحًا.</translation>
    </message>
    <message>
        <source>%1 is not a valid %2 public key.</source>
        <translation>%1 ليس مفتاح %2 عامًا صالحًا.</translation>
    </message>
    <message>
        <source>%1 is an %2 key without a valid public value.</source>
        <translation>%1 مفتاح %2 بلا قيمة عامة صالحة.</translation>
    </message>
    <message>
        <source>An entry of the key set is not a JSON object.</source>
        <translation>أحد إدخالات مجموعة المفاتيح ليس كائن JSON.</translation>
    </message>
    <message>
        <source>A key has a &quot;kid&quot; that is not a string.</source>
        <translation>أحد المفاتيح يحتوي على «kid» ليس سلسلة نصية.</translation>
    </message>
    <message>
        <source>%1 has no key type (&quot;kty&quot;).</source>
        <translation>لا يحتوي %1 على نوع مفتاح («kty»).</translation>
    </message>
    <message>
        <source>%1 has key type &quot;%2&quot;, which is not used for signatures here.</source>
        <translation>%1 من نوع «%2»، وهو نوع لا يُستخدم للتوقيعات هنا.</translation>
    </message>
    <message>
        <source>%1 contains private key material, which an identity provider must never publish; the key is ignored.</source>
        <translation>يحتوي %1 على مواد مفتاح خاص، وهو ما يجب ألا ينشره مزوّد الهوية أبدًا؛ لذا يُتجاهل المفتاح.</translation>
    </message>
    <message>
        <source>%1 is not meant for verifying signatures.</source>
        <translation>%1 غير مخصص للتحقق من التوقيعات.</translation>
    </message>
    <message>
        <source>%1 uses curve &quot;%2&quot;, which is not supported.</source>
        <translation>يستخدم %1 المنحنى «%2»، وهو غير مدعوم.</translation>
    </message>
    <message>
        <source>%1 is declared for algorithm &quot;%2&quot;, which is not supported for this key type.</source>
        <translation>%1 مُعلَن للخوارزمية «%2»، وهي غير مدعومة لنوع المفتاح هذا.</translation>
    </message>
    <message>
        <source>The identity provider&apos;s key set is unreasonably large.</source>
        <translation>مجموعة مفاتيح مزوّد الهوية كبيرة على نحو غير معقول.</translation>
    </message>
    <message>
        <source>The identity provider&apos;s key set is not a JSON object with a &quot;keys&quot; list.</source>
        <translation>مجموعة مفاتيح مزوّد الهوية ليست كائن JSON يحتوي على قائمة «keys».</translation>
    </message>
    <message>
        <source>The identity provider&apos;s key set lists too many keys.</source>
        <translation>تسرد مجموعة مفاتيح مزوّد الهوية عددًا كبيرًا جدًا من المفاتيح.</translation>
    </message>
    <message>
        <source>The key set is empty.</source>
        <translation>مجموعة المفاتيح فارغة.</translation>
    </message>
    <message>
        <source>The identity provider publishes no key this app can verify signatures with. %1</source>
        <translation>لا ينشر مزوّد الهوية أي مفتاح يمكن لهذا التطبيق التحقق من التوقيعات به. %1</translation>
    </message>
</context>
<context>
    <name>JwsVerifier</name>
    <message>
        <source>The token is unreasonably large.</source>
        <translation>الرمز المميز كبير على نحو غير معقول.</translation>
    </message>
    <message>
        <source>The token does not consist of three parts.</source>
        <translation>لا يتكون الرمز المميز من ثلاثة أجزاء.</translation>
    </message>
    <message>
        <source>The token is not valid base64url.</source>
        <translation>الرمز المميز ليس بترميز base64url صالح.</translation>
    </message>
    <message>
        <source>The token&apos;s header is not a JSON object.</source>
        <translation>ترويسة الرمز المميز ليست كائن JSON.</translation>
    </message>
    <message>
        <source>The token&apos;s header does not name its algorithm.</source>
        <translation>لا تذكر ترويسة الرمز المميز خوارزميته.</translation>
    </message>
    <message>
        <source>The token&apos;s key id is not a string.</source>
        <translation>معرّف مفتاح الرمز المميز ليس سلسلة نصية.</translation>
    </message>
    <message>
        <source>The token uses algorithm &quot;%1&quot;, which is never accepted.</source>
        <translation>يستخدم الرمز المميز الخوارزمية «%1»، وهي غير مقبولة أبدًا.</translation>
    </message>
    <message>
        <source>The token uses algorithm &quot;%1&quot;, which is not allowed.</source>
        <translation>يستخدم الرمز المميز الخوارزمية «%1»، وهي غير مسموح بها.</translation>
    </message>
    <message>
        <source>The token brings its own key (&quot;%1&quot;), which is never trusted.</source>
        <translation>يحمل الرمز المميز مفتاحه الخاص («%1»)، ولا يُوثق بمثل هذا المفتاح أبدًا.</translation>
    </message>
    <message>
        <source>The token requires extensions (&quot;crit&quot;) that are not supported.</source>
        <translation>يتطلب الرمز المميز امتدادات («crit») غير مدعومة.</translation>
    </message>
    <message>
        <source>The token names a key the identity provider does not publish (key id &quot;%1&quot;).</source>
        <translation>يشير الرمز المميز إلى مفتاح لا ينشره مزوّد الهوية (معرّف المفتاح «%1»).</translation>
    </message>
    <message>
        <source>The token&apos;s algorithm &quot;%1&quot; does not fit key &quot;%2&quot;.</source>
        <translation>خوارزمية الرمز المميز «%1» لا تتوافق مع المفتاح «%2».</translation>
    </message>
    <message>
        <source>The identity provider publishes no key for algorithm &quot;%1&quot;.</source>
        <translation>لا ينشر مزوّد الهوية أي مفتاح للخوارزمية «%1».</translation>
    </message>
    <message>
        <source>The token does not say which of the identity provider&apos;s keys signed it.</source>
        <translation>لا يحدد الرمز المميز أي مفاتيح مزوّد الهوية وقّعه.</translation>
    </message>
    <message>
        <source>The token&apos;s signature is not valid.</source>
        <translation>توقيع الرمز المميز غير صالح.</translation>
    </message>
</context>
<context>
    <name>LoopbackRedirectListener</name>
    <message>
        <source>Signed in to Countersign</source>
        <translation>تم تسجيل الدخول إلى Countersign</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>فشل تسجيل الدخول</translation>
    </message>
    <message>
        <source>You can close this tab and return to Countersign.</source>
        <translation>يمكنك إغلاق علامة التبويب هذه والعودة إلى Countersign.</translation>
    </message>
    <message>
        <source>Return to Countersign to try again.</source>
        <translation>عُد إلى Countersign لإعادة المحاولة.</translation>
    </message>
    <message>
        <source>No answer arrived from the browser in time. Sign in again to retry.</source>
        <translation>لم تصل أي إجابة من المتصفح في الوقت المحدد. سجّل الدخول مجددًا لإعادة المحاولة.</translation>
    </message>
    <message>
        <source>Could not open a local port for the sign-in redirect: %1</source>
        <translation>تعذّر فتح منفذ محلي لإعادة التوجيه بعد تسجيل الدخول: %1</translation>
    </message>
    <message>
        <source>This is not a sign-in redirect.</source>
        <translation>هذه ليست إعادة توجيه لتسجيل الدخول.</translation>
    </message>
    <message>
        <source>This sign-in response does not belong to the sign-in in progress.</source>
        <translation>لا تنتمي استجابة تسجيل الدخول هذه إلى عملية تسجيل الدخول الجارية.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>أُلغي تسجيل الدخول.</translation>
    </message>
    <message>
        <source>Countersign stopped waiting for this sign-in.</source>
        <translation>توقف Countersign عن انتظار عملية تسجيل الدخول هذه.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Countersign</source>
        <translation>Countersign</translation>
    </message>
    <message>
        <source>Loading your saved session</source>
        <translation>جارٍ تحميل جلستك المحفوظة</translation>
    </message>
</context>
<context>
    <name>OpenAiBackend</name>
    <message>
        <source>The model server sent tool calls in an unknown shape.</source>
        <translation>أرسل خادم النموذج استدعاءات أدوات بصيغة غير معروفة.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>ردّ الخادم: %1</translation>
    </message>
    <message>
        <source>The model server refused the API key (HTTP 401). Check OPENAI_API_KEY.</source>
        <translation>رفض خادم النموذج مفتاح API (HTTP 401). تحقق من OPENAI_API_KEY.</translation>
    </message>
    <message>
        <source>The model server is limiting requests, or the account&apos;s quota is used up (HTTP 429).</source>
        <translation>يحدّ خادم النموذج من الطلبات، أو نفدت حصة الحساب (HTTP 429).</translation>
    </message>
    <message>
        <source>The model server failed to answer (HTTP %1).</source>
        <translation>أخفق خادم النموذج في الإجابة (HTTP %1).</translation>
    </message>
    <message>
        <source>The model server refused the request (HTTP %1).</source>
        <translation>رفض خادم النموذج الطلب (HTTP %1).</translation>
    </message>
    <message>
        <source>The model server sent a tool call with an impossible index.</source>
        <translation>أرسل خادم النموذج استدعاء أداة بفهرس مستحيل.</translation>
    </message>
    <message>
        <source>The model asked for a tool without naming it.</source>
        <translation>طلب النموذج أداة دون أن يسمّيها.</translation>
    </message>
    <message>
        <source>The model asked for the tool &quot;%1&quot; with arguments nested deeper than %2 levels, so nothing was run.</source>
        <translation>طلب النموذج الأداة «%1» بوسائط متداخلة بعمق يتجاوز %2 مستوى، لذا لم يُنفَّذ شيء.</translation>
    </message>
    <message>
        <source>The model asked for the tool &quot;%1&quot; with arguments that are not valid JSON, so nothing was run. Try again, or rephrase the request.</source>
        <translation>طلب النموذج الأداة «%1» بوسائط ليست JSON صالحًا، لذا لم يُنفَّذ شيء. حاول مجددًا، أو أعد صياغة الطلب.</translation>
    </message>
    <message>
        <source>The model server reported an error: %1</source>
        <translation>أبلغ خادم النموذج عن خطأ: %1</translation>
    </message>
    <message>
        <source>The model server ended the stream before the answer was complete.</source>
        <translation>أنهى خادم النموذج التدفق قبل اكتمال الإجابة.</translation>
    </message>
    <message>
        <source>The model server address &quot;%1&quot; is not a valid http(s) address.</source>
        <translation>عنوان خادم النموذج «%1» ليس عنوان http(s) صالحًا.</translation>
    </message>
    <message>
        <source>The model server address %1 must use https. Plain http is allowed only to this machine&apos;s loopback address (such as http://127.0.0.1:8080/v1), so that the API key and the conversation never cross a network unencrypted.</source>
        <translation>يجب أن يستخدم عنوان خادم النموذج %1 بروتوكول https. لا يُسمح باستخدام http غير المشفّر إلا لعنوان الاسترجاع (loopback) الخاص بهذا الجهاز (مثل http://127.0.0.1:8080/v1)، حتى لا يعبر مفتاح API والمحادثة أي شبكة دون تشفير أبدًا.</translation>
    </message>
    <message>
        <source>No model is set: set OPENAI_MODEL, or choose a model in the settings.</source>
        <translation>لم يُحدَّد نموذج: اضبط OPENAI_MODEL، أو اختر نموذجًا في الإعدادات.</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 على %2</translation>
    </message>
    <message>
        <source>The model server sent an answer too large to be genuine.</source>
        <translation>أرسل خادم النموذج إجابة أكبر من أن تكون حقيقية.</translation>
    </message>
    <message>
        <source>The model server sent a stream event too large to be genuine.</source>
        <translation>أرسل خادم النموذج حدث تدفق أكبر من أن يكون حقيقيًا.</translation>
    </message>
    <message>
        <source>The model server sent a stream event nested deeper than %1 levels.</source>
        <translation>أرسل خادم النموذج حدث تدفق متداخلًا بعمق يتجاوز %1 مستوى.</translation>
    </message>
    <message>
        <source>The model server sent a malformed stream: an event that is not a JSON object.</source>
        <translation>أرسل خادم النموذج تدفقًا غير صالح الصيغة: حدث ليس كائن JSON.</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(بلا وصف)</translation>
    </message>
    <message>
        <source>The model server sent a malformed stream: &quot;choices&quot; is not a list.</source>
        <translation>أرسل خادم النموذج تدفقًا غير صالح الصيغة: «choices» ليست قائمة.</translation>
    </message>
    <message>
        <source>answer from the model server</source>
        <translation>الرد من خادم النموذج</translation>
    </message>
    <message>
        <source>The model server</source>
        <translation>خادم النموذج</translation>
    </message>
    <message>
        <source>The model server&apos;s answer has no message.</source>
        <translation>لا تحتوي إجابة خادم النموذج على رسالة.</translation>
    </message>
    <message>
        <source>The model&apos;s answer was cut off: it reached its length limit.</source>
        <translation>اقتُطعت إجابة النموذج: بلغت الحد الأقصى للطول.</translation>
    </message>
    <message>
        <source>The model server withheld the rest of the answer (content filter).</source>
        <translation>حجب خادم النموذج بقية الإجابة (مرشّح المحتوى).</translation>
    </message>
</context>
<context>
    <name>ProviderCommandLine</name>
    <message>
        <source>Enter your Auth0 domain, for example example.eu.auth0.com.</source>
        <translation>أدخل اسم نطاق Auth0 الخاص بك، مثل example.eu.auth0.com.</translation>
    </message>
    <message>
        <source>This is not a domain name. Enter it like example.eu.auth0.com, without a path.</source>
        <translation>هذا ليس اسم نطاق. أدخله بصيغة example.eu.auth0.com، دون مسار.</translation>
    </message>
    <message>
        <source>Which provider: sandbox (the local sandbox), oidc (an OpenID provider, with --issuer) or auth0 (an Auth0 tenant, with --domain). Default: the local sandbox, or the provider last used.</source>
        <translation>أي مزوّد: sandbox (بيئة الاختبار المحلية)، أو oidc (مزوّد OpenID، مع --issuer)، أو auth0 (مستأجر Auth0، مع --domain). الافتراضي: بيئة الاختبار المحلية، أو آخر مزوّد مستخدم.</translation>
    </message>
    <message>
        <source>OpenID provider (issuer URL); implies --provider oidc.</source>
        <translation>مزوّد OpenID (عنوان URL لجهة الإصدار)؛ يستلزم --provider oidc.</translation>
    </message>
    <message>
        <source>Auth0 tenant domain, e.g. example.eu.auth0.com; implies --provider auth0.</source>
        <translation>اسم نطاق مستأجر Auth0، مثل example.eu.auth0.com؛ يستلزم --provider auth0.</translation>
    </message>
    <message>
        <source>OAuth client ID of this app at the provider.</source>
        <translation>معرّف عميل OAuth لهذا التطبيق لدى المزوّد.</translation>
    </message>
    <message>
        <source>Auth0: the API (its identifier) to ask an access token for at sign-in.</source>
        <translation>Auth0: واجهة API (بمعرّفها) التي يُطلب لها رمز وصول عند تسجيل الدخول.</translation>
    </message>
    <message>
        <source>PEM file of CA certificates to trust for the provider (a private or test CA), besides the system&apos;s.</source>
        <translation>ملف PEM يحتوي على شهادات CA يُوثق بها للمزوّد (CA خاصة أو للاختبار)، إضافةً إلى شهادات النظام.</translation>
    </message>
    <message>
        <source>--%1 needs a provider: --issuer URL, --domain HOST or --provider KIND.</source>
        <translation>يحتاج --%1 إلى مزوّد: --issuer URL أو --domain HOST أو --provider KIND.</translation>
    </message>
    <message>
        <source>--audience is for Auth0: give --domain HOST too.</source>
        <translation>--audience خاص بـ Auth0: حدّد --domain HOST أيضًا.</translation>
    </message>
    <message>
        <source>--%1 does not apply to the local sandbox.</source>
        <translation>لا ينطبق --%1 على بيئة الاختبار المحلية (sandbox).</translation>
    </message>
    <message>
        <source>--issuer is for --provider oidc; for Auth0 give --domain HOST.</source>
        <translation>--issuer خاص بـ --provider oidc؛ أما لـ Auth0 فحدّد --domain HOST.</translation>
    </message>
    <message>
        <source>--provider auth0 needs --domain HOST (your tenant, e.g. example.eu.auth0.com).</source>
        <translation>يحتاج --provider auth0 إلى --domain HOST (المستأجر الخاص بك، مثل example.eu.auth0.com).</translation>
    </message>
    <message>
        <source>Auth0 needs this app&apos;s client ID there: --client-id ID.</source>
        <translation>يحتاج Auth0 إلى معرّف العميل لهذا التطبيق هناك: --client-id ID.</translation>
    </message>
    <message>
        <source>--domain is for --provider auth0; an OpenID provider is given by --issuer URL.</source>
        <translation>--domain خاص بـ --provider auth0؛ أما مزوّد OpenID فيُحدَّد بـ --issuer URL.</translation>
    </message>
    <message>
        <source>--audience is for Auth0; other providers are asked with resource indicators.</source>
        <translation>--audience خاص بـ Auth0؛ أما المزوّدون الآخرون فيُطلب منهم باستخدام مؤشرات الموارد (resource indicators).</translation>
    </message>
    <message>
        <source>--provider oidc needs --issuer URL.</source>
        <translation>يحتاج --provider oidc إلى --issuer URL.</translation>
    </message>
    <message>
        <source>The issuer must be an https:// URL (or http:// on this computer): %1</source>
        <translation>يجب أن تكون جهة الإصدار عنوان URL يبدأ بـ https:// (أو http:// على هذا الحاسوب): %1</translation>
    </message>
    <message>
        <source>--provider is sandbox, oidc or auth0, not &quot;%1&quot;.</source>
        <translation>قيمة --provider هي sandbox أو oidc أو auth0، وليست «%1».</translation>
    </message>
</context>
<context>
    <name>ProviderMetadata</name>
    <message>
        <source>The provider&apos;s discovery document has no &quot;%1&quot;.</source>
        <translation>لا يحتوي مستند الاكتشاف (discovery) الخاص بالمزوّد على «%1».</translation>
    </message>
    <message>
        <source>The provider&apos;s discovery document has a &quot;%1&quot; that is not a string.</source>
        <translation>يحتوي مستند الاكتشاف الخاص بالمزوّد على «%1» ليس سلسلة نصية.</translation>
    </message>
    <message>
        <source>The provider&apos;s &quot;%1&quot; is not a valid absolute URL.</source>
        <translation>الحقل «%1» الخاص بالمزوّد ليس عنوان URL مطلقًا صالحًا.</translation>
    </message>
    <message>
        <source>The provider&apos;s &quot;%1&quot; (%2) does not use https.</source>
        <translation>الحقل «%1» الخاص بالمزوّد (%2) لا يستخدم https.</translation>
    </message>
    <message>
        <source>The provider&apos;s &quot;%1&quot; is not a list.</source>
        <translation>الحقل «%1» الخاص بالمزوّد ليس قائمة.</translation>
    </message>
    <message>
        <source>The provider&apos;s &quot;%1&quot; contains a value that is not a string.</source>
        <translation>يحتوي «%1» الخاص بالمزوّد على قيمة ليست سلسلة نصية.</translation>
    </message>
    <message>
        <source>The provider&apos;s discovery document is not a JSON object.</source>
        <translation>مستند الاكتشاف الخاص بالمزوّد ليس كائن JSON.</translation>
    </message>
    <message>
        <source>The provider&apos;s discovery document has no &quot;issuer&quot;.</source>
        <translation>لا يحتوي مستند الاكتشاف الخاص بالمزوّد على &quot;issuer&quot;.</translation>
    </message>
    <message>
        <source>The provider calls itself &quot;%1&quot;, not &quot;%2&quot;. Check the issuer URL (including any trailing slash).</source>
        <translation>يعرّف المزوّد نفسه بـ &quot;%1&quot;، وليس &quot;%2&quot;. تحقّق من عنوان URL للجهة المُصدِرة (بما في ذلك أي شرطة مائلة في النهاية).</translation>
    </message>
    <message>
        <source>The provider&apos;s &quot;countersign_approvals_resource&quot; is not a string.</source>
        <translation>قيمة &quot;countersign_approvals_resource&quot; لدى المزوّد ليست نصًا.</translation>
    </message>
    <message>
        <source>The provider does not support the authorization code flow.</source>
        <translation>لا يدعم المزوّد تدفق رمز التفويض (authorization code flow).</translation>
    </message>
    <message>
        <source>The provider does not support PKCE with S256, which Countersign requires.</source>
        <translation>لا يدعم المزوّد PKCE باستخدام S256، وهو ما يتطلبه Countersign.</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages (such as Hebrew and Arabic) to get proper widget layout.</comment>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>Rar</name>
    <message>
        <source>list your accounts</source>
        <translation>عرض قائمة حساباتك</translation>
    </message>
    <message>
        <source>see your balances</source>
        <translation>الاطلاع على أرصدتك</translation>
    </message>
    <message>
        <source>see your transactions</source>
        <translation>الاطلاع على معاملاتك</translation>
    </message>
    <message>
        <source>Account information</source>
        <translation>معلومات الحساب</translation>
    </message>
    <message>
        <source>Account information: %1</source>
        <translation>معلومات الحساب: %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(فارغ)</translation>
    </message>
    <message>
        <source>%1 more level not shown: </source>
        <translation>%1 مستوى إضافي غير معروض: </translation>
    </message>
    <message>
        <source>%1 more levels not shown: </source>
        <translation>%1 مستويات إضافية غير معروضة: </translation>
    </message>
    <message>
        <source>(empty name)</source>
        <translation>(اسم فارغ)</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>الإجراءات</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>المواقع</translation>
    </message>
    <message>
        <source>Data types</source>
        <translation>أنواع البيانات</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <source>Privileges</source>
        <translation>الصلاحيات</translation>
    </message>
    <message>
        <source>Not shown</source>
        <translation>غير معروض</translation>
    </message>
    <message>
        <source>%1 more field not shown</source>
        <translation>%1 حقل إضافي غير معروض</translation>
    </message>
    <message>
        <source>%1 more fields not shown</source>
        <translation>%1 حقول إضافية غير معروضة</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>start the payment</source>
        <translation>بدء الدفعة</translation>
    </message>
    <message>
        <source>check its status</source>
        <translation>التحقق من حالتها</translation>
    </message>
    <message>
        <source>cancel it</source>
        <translation>إلغاؤها</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>الدفع</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <source>Creditor</source>
        <translation>المستفيد</translation>
    </message>
    <message>
        <source>Creditor account</source>
        <translation>حساب المستفيد</translation>
    </message>
    <message>
        <source>Creditor bank (BIC)</source>
        <translation>بنك المستفيد (BIC)</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>Pay %1 to %2</source>
        <translation>دفع %1 إلى %2</translation>
    </message>
    <message>
        <source>Unexpected entry</source>
        <translation>إدخال غير متوقع</translation>
    </message>
    <message>
        <source>This entry is not an object, as the standard requires; it is shown as sent.</source>
        <translation>هذا الإدخال ليس كائنًا كما يشترط المعيار؛ لذا يُعرض كما أُرسل.</translation>
    </message>
    <message>
        <source>Details without a type</source>
        <translation>تفاصيل بلا نوع</translation>
    </message>
    <message>
        <source>This entry has no type, so it is unclear what it is for; it is shown as sent.</source>
        <translation>هذا الإدخال ليس له نوع، لذا ليس واضحًا الغرض منه؛ ويُعرض كما أُرسل.</translation>
    </message>
    <message>
        <source>These details do not have the form expected for this type, so they are shown exactly as sent.</source>
        <translation>هذه التفاصيل ليست بالشكل المتوقع لهذا النوع، لذا تُعرض تمامًا كما أُرسلت.</translation>
    </message>
    <message>
        <source>%1 (unexpected form)</source>
        <translation>%1 (شكل غير متوقع)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Unexpected authorization details</source>
        <translation>تفاصيل تفويض غير متوقعة</translation>
    </message>
    <message>
        <source>The authorization details are not a list, as the standard requires; they are shown as sent.</source>
        <translation>تفاصيل التفويض ليست قائمة كما يشترط المعيار؛ لذا تُعرض كما أُرسلت.</translation>
    </message>
    <message>
        <source>More entries</source>
        <translation>إدخالات أخرى</translation>
    </message>
    <message>
        <source>%1 more entry not shown</source>
        <translation>%1 إدخال إضافي غير معروض</translation>
    </message>
    <message>
        <source>%1 more entries not shown</source>
        <translation>%1 إدخالات إضافية غير معروضة</translation>
    </message>
    <message>
        <source>Only the first %1 entries are shown one by one; the others are shown as sent.</source>
        <translation>تُعرض أول %1 إدخالات فقط كلٌّ على حدة؛ وتُعرض البقية كما أُرسلت.</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 أخرى</translation>
    </message>
    <message>
        <source>Confirm who you are</source>
        <translation>تأكيد هويتك</translation>
    </message>
    <message>
        <source>See your name</source>
        <translation>الاطلاع على اسمك</translation>
    </message>
    <message>
        <source>See your email address</source>
        <translation>الاطلاع على عنوان بريدك الإلكتروني</translation>
    </message>
    <message>
        <source>Stay signed in (refresh tokens)</source>
        <translation>البقاء مسجّل الدخول (رموز التحديث)</translation>
    </message>
    <message>
        <source>Trade stocks on your behalf</source>
        <translation>تداول الأسهم نيابةً عنك</translation>
    </message>
    <message>
        <source>Start payments from your account</source>
        <translation>بدء عمليات دفع من حسابك</translation>
    </message>
    <message>
        <source>Approve or deny requests on your behalf</source>
        <translation>الموافقة على الطلبات أو رفضها نيابةً عنك</translation>
    </message>
    <message>
        <source>Read your data records</source>
        <translation>قراءة سجلات بياناتك</translation>
    </message>
    <message>
        <source>Read your sandbox profile</source>
        <translation>قراءة ملفك الشخصي في بيئة الاختبار المحلية (sandbox)</translation>
    </message>
    <message>
        <source>Permission “%1”</source>
        <translation>الإذن “%1”</translation>
    </message>
    <message>
        <source>Stock trade</source>
        <translation>صفقة أسهم</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>شراء</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>بيع</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>رمز السهم</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>الكمية</translation>
    </message>
    <message>
        <source>%1 share</source>
        <translation>%1 سهم</translation>
    </message>
    <message>
        <source>%1 shares</source>
        <translation>%1 أسهم</translation>
    </message>
    <message>
        <source>Limit price</source>
        <translation>السعر المحدد</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>بلا حد</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>العملة</translation>
    </message>
    <message>
        <source>Buy %1 %2 at most %3</source>
        <translation>شراء %1 %2 بسعر أقصاه %3</translation>
    </message>
    <message>
        <source>Sell %1 %2 at least %3</source>
        <translation>بيع %1 %2 بسعر لا يقل عن %3</translation>
    </message>
    <message>
        <source>Buy %1 %2 at market price</source>
        <translation>شراء %1 %2 بسعر السوق</translation>
    </message>
    <message>
        <source>Sell %1 %2 at market price</source>
        <translation>بيع %1 %2 بسعر السوق</translation>
    </message>
</context>
<context>
    <name>RequestPage</name>
    <message>
        <source>Approved. The app can go ahead now.</source>
        <translation>تمت الموافقة. يمكن للتطبيق المتابعة الآن.</translation>
    </message>
    <message>
        <source>Denied. The app has been told no.</source>
        <translation>تم الرفض. أُبلغ التطبيق بالرفض.</translation>
    </message>
    <message>
        <source>‹ All requests</source>
        <translation>‹ كل الطلبات</translation>
    </message>
    <message>
        <source>Back to all requests</source>
        <translation>العودة إلى كل الطلبات</translation>
    </message>
    <message>
        <source>This request is no longer in your inbox.</source>
        <translation>لم يعد هذا الطلب في صندوق الوارد.</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>السبب (اختياري)</translation>
    </message>
    <message>
        <source>Reason, optional</source>
        <translation>السبب، اختياري</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
</context>
<context>
    <name>RequesterCard</name>
    <message>
        <source>Approved %1</source>
        <translation>تمت الموافقة %1</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>تمت الموافقة</translation>
    </message>
    <message>
        <source>Denied %1</source>
        <translation>تم الرفض %1</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>تم الرفض</translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation>انتهت الصلاحية %1</translation>
    </message>
    <message>
        <source>%1, until %2</source>
        <translation>%1، حتى %2</translation>
    </message>
    <message>
        <source>Request from %1</source>
        <translation>طلب من %1</translation>
    </message>
    <message>
        <source>Client ID: %1</source>
        <translation>معرّف العميل: %1</translation>
    </message>
    <message>
        <source>Check that this message matches what the app shows you:</source>
        <translation>تحقّق من أن هذه الرسالة تطابق ما يعرضه لك التطبيق:</translation>
    </message>
    <message>
        <source>Binding message: %1</source>
        <translation>رسالة الربط: %1</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>الرمز: %1</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>لـ: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>السبب: %1</translation>
    </message>
</context>
<context>
    <name>ResultTree</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>SandboxLauncher</name>
    <message>
        <source>The local sandbox did not start within 30 seconds.</source>
        <translation>لم تبدأ بيئة الاختبار المحلية خلال 30 ثانية.</translation>
    </message>
    <message>
        <source>The local sandbox printed something unexpected.</source>
        <translation>أخرجت بيئة الاختبار المحلية شيئًا غير متوقع.</translation>
    </message>
    <message>
        <source>Could not start Node.js (&quot;node&quot;), which runs the local sandbox. Install Node.js 20 or newer, or configure another provider.</source>
        <translation>تعذّر تشغيل Node.js (&quot;node&quot;)، الذي يشغّل بيئة الاختبار المحلية. ثبّت Node.js 20 أو أحدث، أو اضبط مزوّدًا آخر.</translation>
    </message>
    <message>
        <source>The local sandbox stopped (exit code %1): %2</source>
        <translation>توقفت بيئة الاختبار المحلية (رمز الخروج %1): %2</translation>
    </message>
    <message>
        <source>The local sandbox is not installed (no server.mjs in %1).</source>
        <translation>بيئة الاختبار المحلية غير مثبّتة (لا يوجد server.mjs في %1).</translation>
    </message>
    <message>
        <source>The local sandbox&apos;s packages are not installed: run &quot;npm ci&quot; in %1.</source>
        <translation>حزم بيئة الاختبار المحلية غير مثبّتة: شغّل &quot;npm ci&quot; في %1.</translation>
    </message>
</context>
<context>
    <name>ScopeList</name>
    <message>
        <source>The app will be allowed to</source>
        <translation>سيُسمح للتطبيق بما يلي</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>(The keychain said: %1)</source>
        <translation>(رسالة سلسلة المفاتيح: %1)</translation>
    </message>
    <message>
        <source>No secure storage (secret service) is available. Countersign stores sign-in tokens only in the system keychain; start a keyring such as GNOME Keyring or KWallet and try again.</source>
        <translation>لا يتوفر تخزين آمن (secret service). يخزّن Countersign رموز تسجيل الدخول في سلسلة مفاتيح النظام فقط؛ شغّل حلقة مفاتيح مثل GNOME Keyring أو KWallet ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The system keychain refused access, probably because it is locked. Unlock your keyring (for example with Seahorse or KWallet Manager, or by logging in again) and try again.</source>
        <translation>رفضت سلسلة مفاتيح النظام الوصول، غالبًا لأنها مقفلة. افتح قفل حلقة المفاتيح (مثلًا باستخدام Seahorse أو KWallet Manager، أو بتسجيل الدخول مجددًا) ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>Access to the system keychain was declined. Countersign keeps sign-in tokens only there; try again and allow access when your keyring asks.</source>
        <translation>رُفض الوصول إلى سلسلة مفاتيح النظام. لا يحتفظ Countersign برموز تسجيل الدخول إلا هناك؛ حاول مرة أخرى واسمح بالوصول عندما تطلب حلقة المفاتيح ذلك.</translation>
    </message>
    <message>
        <source>Countersign could not delete a saved secret from the system keychain. Try again, or remove the entries labelled &quot;Countersign&quot; with your keyring manager (for example Seahorse or KWallet Manager).</source>
        <translation>تعذّر على Countersign حذف سرّ محفوظ من سلسلة مفاتيح النظام. حاول مرة أخرى، أو احذف الإدخالات المسمّاة &quot;Countersign&quot; باستخدام مدير حلقة المفاتيح (مثل Seahorse أو KWallet Manager).</translation>
    </message>
    <message>
        <source>The system keychain could not find an entry Countersign was working with. Try again; if this keeps happening, sign out and sign in again.</source>
        <translation>لم تعثر سلسلة مفاتيح النظام على إدخال كان Countersign يعمل عليه. حاول مرة أخرى؛ وإذا تكرر ذلك، فسجّل الخروج ثم سجّل الدخول مجددًا.</translation>
    </message>
    <message>
        <source>The system keychain on this computer does not support what Countersign needs, so sign-in tokens cannot be stored securely. Use a keyring such as GNOME Keyring or KWallet.</source>
        <translation>سلسلة مفاتيح النظام على هذا الحاسوب لا تدعم ما يحتاجه Countersign، لذا لا يمكن تخزين رموز تسجيل الدخول بأمان. استخدم حلقة مفاتيح مثل GNOME Keyring أو KWallet.</translation>
    </message>
    <message>
        <source>The system keychain could not be used. Countersign stores sign-in tokens only in the system keychain; make sure a keyring such as GNOME Keyring or KWallet is running and unlocked, then try again.</source>
        <translation>تعذّر استخدام سلسلة مفاتيح النظام. يخزّن Countersign رموز تسجيل الدخول في سلسلة مفاتيح النظام فقط؛ تأكد من أن حلقة مفاتيح مثل GNOME Keyring أو KWallet قيد التشغيل وغير مقفلة، ثم حاول مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>SessionManager</name>
    <message>
        <source>Another Countersign process is renewing the session and has not finished. Try again.</source>
        <translation>عملية Countersign أخرى تجدّد الجلسة ولم تنتهِ بعد. حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>لم تسجّل الدخول.</translation>
    </message>
    <message>
        <source>Your session was ended in another Countersign window or on the command line (signed out, or refused by the provider). Sign in again.</source>
        <translation>انتهت جلستك في نافذة Countersign أخرى أو في سطر الأوامر (تم تسجيل الخروج، أو رفضها المزوّد). سجّل الدخول مجددًا.</translation>
    </message>
    <message>
        <source>The session cannot be renewed (the provider gave no refresh token). Sign in again.</source>
        <translation>لا يمكن تجديد الجلسة (لم يقدّم المزوّد رمز تحديث). سجّل الدخول مجددًا.</translation>
    </message>
    <message>
        <source>Your session has ended (the provider no longer accepts it). Sign in again.</source>
        <translation>انتهت جلستك (لم يعد المزوّد يقبلها). سجّل الدخول مجددًا.</translation>
    </message>
    <message>
        <source>This session does not include access to %1. Sign out and sign in again to grant it.</source>
        <translation>لا تتضمن هذه الجلسة الوصول إلى %1. سجّل الخروج ثم سجّل الدخول مجددًا لمنحه.</translation>
    </message>
    <message>
        <source>Your session was renewed, but the keychain did not take the new tokens: %1 Countersign keeps working until you quit it and tries again on the next renewal; if the keychain stays unavailable, you will have to sign in again.</source>
        <translation>جُدّدت جلستك، لكن سلسلة المفاتيح لم تقبل الرموز المميزة الجديدة: %1 سيواصل Countersign العمل حتى تغلقه، وسيحاول مجددًا عند التجديد التالي؛ وإذا ظلت سلسلة المفاتيح غير متاحة، فسيتعيّن عليك تسجيل الدخول مجددًا.</translation>
    </message>
    <message>
        <source>The saved session could not be read. Sign in again.</source>
        <translation>تعذّرت قراءة الجلسة المحفوظة. سجّل الدخول مجددًا.</translation>
    </message>
</context>
<context>
    <name>SignInIdentity</name>
    <message>
        <source>The provider&apos;s user information is about a different user than the sign-in.</source>
        <translation>معلومات المستخدم لدى المزوّد تخص مستخدمًا غير الذي سجّل الدخول.</translation>
    </message>
    <message>
        <source>The provider returned no ID token.</source>
        <translation>لم يُرجع المزوّد رمز هوية (ID token).</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Address copied</source>
        <translation>تم نسخ العنوان</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Countersign opens your web browser so you can sign in with your provider. Your password is never entered here.</source>
        <translation>يفتح Countersign متصفح الويب لتسجّل الدخول لدى المزوّد. لا تُدخل كلمة المرور هنا أبدًا.</translation>
    </message>
    <message>
        <source>Where is your account?</source>
        <translation>أين حسابك؟</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>بيئة الاختبار المحلية (sandbox)</translation>
    </message>
    <message>
        <source>A demo server on this computer, for trying things out.</source>
        <translation>خادم تجريبي على هذا الحاسوب، للتجربة.</translation>
    </message>
    <message>
        <source>Auth0</source>
        <translation>Auth0</translation>
    </message>
    <message>
        <source>Other OpenID provider</source>
        <translation>مزوّد OpenID آخر</translation>
    </message>
    <message>
        <source>Auth0 domain</source>
        <translation>نطاق Auth0</translation>
    </message>
    <message>
        <source>example.eu.auth0.com</source>
        <translation>example.eu.auth0.com</translation>
    </message>
    <message>
        <source>Issuer URL</source>
        <translation>عنوان URL للجهة المُصدِرة</translation>
    </message>
    <message>
        <source>https://login.example.com</source>
        <translation>https://login.example.com</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>معرّف العميل</translation>
    </message>
    <message>
        <source>As registered at your provider</source>
        <translation>كما هو مسجّل لدى المزوّد</translation>
    </message>
    <message>
        <source>API audience (optional)</source>
        <translation>جمهور API (اختياري)</translation>
    </message>
    <message>
        <source>https://api.example.com</source>
        <translation>https://api.example.com</translation>
    </message>
    <message>
        <source>CA certificate file (optional)</source>
        <translation>ملف شهادة CA (اختياري)</translation>
    </message>
    <message>
        <source>Only for a private or test certificate: /path/to/ca.pem</source>
        <translation>لشهادة خاصة أو تجريبية فقط: /path/to/ca.pem</translation>
    </message>
    <message>
        <source>Opens your web browser to sign in</source>
        <translation>يفتح متصفح الويب لتسجيل الدخول</translation>
    </message>
    <message>
        <source>Sign in with a code</source>
        <translation>تسجيل الدخول برمز</translation>
    </message>
    <message>
        <source>Shows a code to enter on another device with a browser</source>
        <translation>يعرض رمزًا لإدخاله على جهاز آخر فيه متصفح</translation>
    </message>
    <message>
        <source>On any device with a browser, open the address below, sign in and enter this code:</source>
        <translation>على أي جهاز فيه متصفح، افتح العنوان أدناه، وسجّل الدخول وأدخل هذا الرمز:</translation>
    </message>
    <message>
        <source>Contacting the provider…</source>
        <translation>جارٍ الاتصال بالمزوّد…</translation>
    </message>
    <message>
        <source>Waiting for you to finish signing in in your browser…</source>
        <translation>بانتظار إكمالك تسجيل الدخول في المتصفح…</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>الرمز: %1</translation>
    </message>
    <message>
        <source>Address to open</source>
        <translation>العنوان المطلوب فتحه</translation>
    </message>
    <message>
        <source>If your browser did not open, copy this address into it:</source>
        <translation>إذا لم يُفتح المتصفح، فانسخ هذا العنوان إليه:</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>عنوان تسجيل الدخول</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Copy sign-in address</source>
        <translation>نسخ عنوان تسجيل الدخول</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>إلغاء تسجيل الدخول</translation>
    </message>
</context>
<context>
    <name>SignedInPage</name>
    <message>
        <source>Signed in as</source>
        <translation>مسجّل الدخول باسم</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>مسجّل الدخول باسم %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>الاسم: %1</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>البريد الإلكتروني: %1</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>المزوّد</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>المزوّد: %1</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>جارٍ تسجيل الخروج…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <source>Ends the session at the provider and deletes it from this computer</source>
        <translation>ينهي الجلسة لدى المزوّد ويحذفها من هذا الحاسوب</translation>
    </message>
</context>
<context>
    <name>SignedInView</name>
    <message>
        <source>Inbox</source>
        <translation>صندوق الوارد</translation>
    </message>
    <message>
        <source>Inbox, %1 waiting</source>
        <translation>صندوق الوارد، %1 بالانتظار</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>الوكيل</translation>
    </message>
    <message>
        <source>Agent, waiting for you</source>
        <translation>الوكيل، بانتظارك</translation>
    </message>
    <message>
        <source>Chat with the agent</source>
        <translation>الدردشة مع الوكيل</translation>
    </message>
    <message>
        <source>Enter code</source>
        <translation>إدخال الرمز</translation>
    </message>
    <message>
        <source>Enter a device code</source>
        <translation>أدخل رمز الجهاز</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>الحساب</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Countersign could not check whether it is already running (%1): %2</source>
        <translation>تعذّر على Countersign التحقق مما إذا كان يعمل بالفعل (%1): %2</translation>
    </message>
    <message>
        <source>another launch holds its lock file</source>
        <translation>تشغيل آخر يحتفظ بملف القفل</translation>
    </message>
    <message>
        <source>Countersign is already running but does not answer. If it hangs, end it and start Countersign again.</source>
        <translation>تطبيق Countersign يعمل بالفعل لكنه لا يستجيب. إن كان معلّقًا فأنهِه وشغّل Countersign من جديد.</translation>
    </message>
</context>
<context>
    <name>TokenClient</name>
    <message>
        <source>The provider has no userinfo endpoint.</source>
        <translation>لا يملك المزوّد نقطة نهاية userinfo.</translation>
    </message>
</context>
<context>
    <name>TokenPoll</name>
    <message>
        <source>The provider&apos;s answer has no valid &quot;expires_in&quot;.</source>
        <translation>لا يحتوي ردّ المزوّد على &quot;expires_in&quot; صالح.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer has an invalid &quot;interval&quot;.</source>
        <translation>يحتوي ردّ المزوّد على &quot;interval&quot; غير صالح.</translation>
    </message>
    <message>
        <source>The request expired before anyone decided.</source>
        <translation>انتهت صلاحية الطلب قبل أن يتخذ أحد قرارًا.</translation>
    </message>
</context>
<context>
    <name>TokenSet</name>
    <message>
        <source>The token response has no &quot;%1&quot;.</source>
        <translation>لا يحتوي ردّ الرمز المميز على &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The token response has a malformed &quot;%1&quot;.</source>
        <translation>يحتوي ردّ الرمز المميز على &quot;%1&quot; مشوّه.</translation>
    </message>
    <message>
        <source>The token response has no &quot;token_type&quot;.</source>
        <translation>لا يحتوي ردّ الرمز المميز على &quot;token_type&quot;.</translation>
    </message>
    <message>
        <source>The token response has an unsupported token_type &quot;%1&quot;.</source>
        <translation>يحتوي ردّ الرمز المميز على token_type غير مدعوم &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The token response has an invalid &quot;expires_in&quot;.</source>
        <translation>يحتوي ردّ الرمز المميز على &quot;expires_in&quot; غير صالح.</translation>
    </message>
    <message>
        <source>The token response has a &quot;scope&quot; that is not a string.</source>
        <translation>يحتوي ردّ الرمز المميز على &quot;scope&quot; ليس نصًا.</translation>
    </message>
    <message>
        <source>The token response has &quot;authorization_details&quot; that are not a list.</source>
        <translation>يحتوي ردّ الرمز المميز على &quot;authorization_details&quot; ليست قائمة.</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>Cannot store secrets for an account without an issuer and a subject.</source>
        <translation>لا يمكن تخزين أسرار لحساب بلا جهة مُصدِرة وبلا صاحب (subject).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid name for a stored secret.</source>
        <translation>الاسم «%1» ليس اسمًا صالحًا لسرّ مخزّن.</translation>
    </message>
    <message>
        <source>Countersign&apos;s list of saved sign-ins in the system keychain is damaged. Sign out of all accounts to reset it, then sign in again.</source>
        <translation>قائمة Countersign لعمليات تسجيل الدخول المحفوظة في سلسلة مفاتيح النظام تالفة. سجّل الخروج من جميع الحسابات لإعادة تعيينها، ثم سجّل الدخول مجددًا.</translation>
    </message>
    <message>
        <source>Countersign&apos;s list of saved sign-ins in the system keychain was damaged, so some saved secrets may remain. Remove the entries labelled &quot;Countersign&quot; with your keyring manager (for example Seahorse or KWallet Manager).</source>
        <translation>كانت قائمة Countersign لعمليات تسجيل الدخول المحفوظة في سلسلة مفاتيح النظام تالفة، لذا قد تبقى بعض الأسرار المحفوظة. احذف الإدخالات المسمّاة &quot;Countersign&quot; باستخدام مدير حلقة المفاتيح (مثل Seahorse أو KWallet Manager).</translation>
    </message>
</context>
<context>
    <name>ToolCallCard</name>
    <message>
        <source>Waiting for you</source>
        <translation>بانتظارك</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>Did not go ahead</source>
        <translation>لم يُنفَّذ</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>قيد التشغيل…</translation>
    </message>
    <message>
        <source>Calling %1</source>
        <translation>جارٍ استدعاء %1</translation>
    </message>
</context>
<context>
    <name>ToolResultCard</name>
    <message>
        <source>%1 failed</source>
        <translation>فشل %1</translation>
    </message>
    <message>
        <source>%1 finished</source>
        <translation>اكتمل %1</translation>
    </message>
    <message>
        <source>✕ %1 failed</source>
        <translation>✕ فشل %1</translation>
    </message>
    <message>
        <source>✓ %1 finished</source>
        <translation>✓ اكتمل %1</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>مشغول</translation>
    </message>
    <message>
        <source>free</source>
        <translation>متاح</translation>
    </message>
    <message>
        <source>Nothing booked.</source>
        <translation>لا توجد حجوزات.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… و%1 أخرى</translation>
    </message>
</context>
<context>
    <name>ToolResultView</name>
    <message>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Sold %1</source>
        <translation>تم بيع %1</translation>
    </message>
    <message>
        <source>Bought %1</source>
        <translation>تم شراء %1</translation>
    </message>
    <message>
        <source>Order for %1</source>
        <translation>أمر بشأن %1</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>السعر</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>الإجمالي</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <source>Paid %1 to %2</source>
        <translation>تم دفع %1 إلى %2</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>الدفع</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
</context>
<context>
    <name>TrustedCertificates</name>
    <message>
        <source>The CA certificate file %1 could not be read: %2</source>
        <translation>تعذّرت قراءة ملف شهادة CA %1: %2</translation>
    </message>
    <message>
        <source>The file %1 holds no PEM certificate (-----BEGIN CERTIFICATE-----).</source>
        <translation>لا يحتوي الملف %1 على شهادة PEM (-----BEGIN CERTIFICATE-----).</translation>
    </message>
</context>
<context>
    <name>UserCode</name>
    <message>
        <source>That is not a device code. A code has letters and perhaps digits, like WDJB-MJHT.</source>
        <translation>هذا ليس رمز جهاز. يتكوّن الرمز من أحرف وربما أرقام، مثل WDJB-MJHT.</translation>
    </message>
    <message>
        <source>That link is not a valid web address.</source>
        <translation>هذا الرابط ليس عنوان ويب صالحًا.</translation>
    </message>
    <message>
        <source>That link has no code in it. Type the code the device shows instead.</source>
        <translation>لا يحتوي هذا الرابط على رمز. اكتب بدلًا منه الرمز الذي يعرضه الجهاز.</translation>
    </message>
</context>
<context>
    <name>countersign::agent::AgentService</name>
    <message>
        <source>Sign in to chat with the agent.</source>
        <translation>سجّل الدخول للدردشة مع الوكيل.</translation>
    </message>
    <message>
        <source>The agent is not available: %1</source>
        <translation>الوكيل غير متاح: %1</translation>
    </message>
    <message>
        <source>in Auth0 Guardian</source>
        <translation>في Auth0 Guardian</translation>
    </message>
    <message>
        <source>in your inbox</source>
        <translation>في صندوق الوارد لديك</translation>
    </message>
    <message>
        <source>buy and sell stock (you approve each trade %1)</source>
        <translation>شراء الأسهم وبيعها (توافق على كل صفقة %1)</translation>
    </message>
    <message>
        <source>make payments (you approve each payment %1)</source>
        <translation>إجراء عمليات الدفع (توافق على كل دفعة %1)</translation>
    </message>
    <message>
        <source>trade stock: this provider has no demo stock API for the agent</source>
        <translation>تداول الأسهم: لا يملك هذا المزوّد واجهة API تجريبية للأسهم للوكيل</translation>
    </message>
    <message>
        <source>let the agent read your data records</source>
        <translation>السماح للوكيل بقراءة سجلات بياناتك</translation>
    </message>
    <message>
        <source>read your data records (you approve once with a device code)</source>
        <translation>قراءة سجلات بياناتك (توافق مرة واحدة باستخدام رمز الجهاز)</translation>
    </message>
    <message>
        <source>read your data records: this provider has no demo data API for the agent</source>
        <translation>قراءة سجلات بياناتك: لا يملك هذا المزوّد واجهة API تجريبية للبيانات للوكيل</translation>
    </message>
    <message>
        <source>check your Google calendar (through your connected account)</source>
        <translation>الاطلاع على تقويم Google الخاص بك (عبر حسابك المرتبط)</translation>
    </message>
    <message>
        <source>search and read the shared documents you may view</source>
        <translation>البحث في المستندات المشتركة المسموح لك بعرضها وقراءتها</translation>
    </message>
    <message>
        <source>search documents: %1</source>
        <translation>البحث في المستندات: %1</translation>
    </message>
    <message>
        <source>use the demo tools: they exist only at the sandbox</source>
        <translation>استخدام الأدوات التجريبية: فهي موجودة في بيئة الاختبار المحلية فقط</translation>
    </message>
</context>
<context>
    <name>countersign::cli::AgentCommands</name>
    <message>
        <source>Agent: %1</source>
        <translation>الوكيل: %1</translation>
    </message>
    <message>
        <source>The agent still waits on an earlier request; the prompt was not sent. Decide it, or run without --no-wait.</source>
        <translation>لا يزال الوكيل ينتظر طلبًا سابقًا؛ لم تُرسل المطالبة. اتخذ قرارًا بشأنه، أو شغّل الأمر بدون --no-wait.</translation>
    </message>
    <message>
        <source>-&gt; %1 %2</source>
        <translation>-&gt; %1 %2</translation>
    </message>
    <message>
        <source>&lt;- %1%2: %3</source>
        <translation>&lt;- %1%2: %3</translation>
    </message>
    <message>
        <source> failed</source>
        <translation> فشل</translation>
    </message>
    <message>
        <source>Waiting (%1): %2</source>
        <translation>بالانتظار (%1): %2</translation>
    </message>
    <message>
        <source>  Decide it here with: countersign-cli approve %1  (or deny)</source>
        <translation>  اتخذ القرار هنا باستخدام: countersign-cli approve %1  (أو deny)</translation>
    </message>
    <message>
        <source>  Connect it at: %1</source>
        <translation>  اربطه من: %1</translation>
    </message>
</context>
<context>
    <name>countersign::cli::ApprovalCommands</name>
    <message>
        <source>expired</source>
        <translation>انتهت الصلاحية</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>تبقّى %1 ث</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>تبقّى %1 د</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>تمت الموافقة</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>الرسالة: %1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>التفاصيل: %1</translation>
    </message>
    <message>
        <source>Scopes: %1</source>
        <translation>النطاقات: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>السبب: %1</translation>
    </message>
    <message>
        <source>No approval requests. Requests that apps send on your behalf will show up here.</source>
        <translation>لا توجد طلبات موافقة. ستظهر هنا الطلبات التي ترسلها التطبيقات نيابةً عنك.</translation>
    </message>
    <message>
        <source>Requests that could not be read and are not shown: %1</source>
        <translation>طلبات تعذّرت قراءتها ولا تُعرض: %1</translation>
    </message>
    <message>
        <source>Watching for approval requests (Ctrl+C to stop)…</source>
        <translation>جارٍ ترقّب طلبات الموافقة (Ctrl+C للإيقاف)…</translation>
    </message>
    <message>
        <source>Connection lost (%1); reconnecting…</source>
        <translation>انقطع الاتصال (%1)؛ جارٍ إعادة الاتصال…</translation>
    </message>
    <message>
        <source>Approved: %1</source>
        <translation>تمت الموافقة: %1</translation>
    </message>
    <message>
        <source>Denied: %1</source>
        <translation>تم الرفض: %1</translation>
    </message>
</context>
<context>
    <name>countersign::cli::CliRunner</name>
    <message>
        <source>Not signed in. Run &quot;countersign-cli login&quot;.</source>
        <translation>لم تسجّل الدخول. شغّل &quot;countersign-cli login&quot;.</translation>
    </message>
    <message>
        <source>login: print the sign-in URL instead of opening a browser.</source>
        <translation>login: طباعة عنوان URL لتسجيل الدخول بدلًا من فتح المتصفح.</translation>
    </message>
    <message>
        <source>login: sign in with a code instead of this computer&apos;s browser.</source>
        <translation>login: تسجيل الدخول برمز بدلًا من متصفح هذا الحاسوب.</translation>
    </message>
    <message>
        <source>whoami, inbox, device: print JSON; agent: one JSON event per line.</source>
        <translation>whoami, inbox, device: طباعة JSON؛ agent: حدث JSON واحد في كل سطر.</translation>
    </message>
    <message>
        <source>inbox: print each event as a JSON line until interrupted.</source>
        <translation>inbox: طباعة كل حدث كسطر JSON حتى المقاطعة.</translation>
    </message>
    <message>
        <source>approve, deny: the reason given.</source>
        <translation>approve, deny: السبب المقدَّم.</translation>
    </message>
    <message>
        <source>device: approve the code.</source>
        <translation>device: الموافقة على الرمز.</translation>
    </message>
    <message>
        <source>device: deny the code.</source>
        <translation>device: رفض الرمز.</translation>
    </message>
    <message>
        <source>agent: exit as soon as a request waits for approval, naming it.</source>
        <translation>agent: الخروج فور انتظار طلب للموافقة، مع ذكر اسمه.</translation>
    </message>
    <message>
        <source>Give the request&apos;s ID: countersign-cli %1 ID</source>
        <translation>حدّد معرّف الطلب: countersign-cli %1 ID</translation>
    </message>
    <message>
        <source>--device never opens a browser here; leave out --no-browser.</source>
        <translation>لا يفتح --device متصفحًا هنا أبدًا؛ احذف --no-browser.</translation>
    </message>
    <message>
        <source>Sign in through the browser.</source>
        <translation>تسجيل الدخول عبر المتصفح.</translation>
    </message>
    <message>
        <source>Sign in with a code, approved in a browser on any device.</source>
        <translation>تسجيل الدخول برمز تتم الموافقة عليه في متصفح على أي جهاز.</translation>
    </message>
    <message>
        <source>Show who is signed in.</source>
        <translation>عرض المستخدم المسجّل الدخول.</translation>
    </message>
    <message>
        <source>Sign out and delete the stored tokens.</source>
        <translation>تسجيل الخروج وحذف الرموز المميزة المخزّنة.</translation>
    </message>
    <message>
        <source>List approval requests; --watch prints events as JSON lines.</source>
        <translation>عرض طلبات الموافقة؛ يطبع --watch الأحداث كأسطر JSON.</translation>
    </message>
    <message>
        <source>Approve a request.</source>
        <translation>الموافقة على طلب.</translation>
    </message>
    <message>
        <source>Deny a request.</source>
        <translation>رفض طلب.</translation>
    </message>
    <message>
        <source>Give the code the device shows: countersign-cli device CODE</source>
        <translation>حدّد الرمز الذي يعرضه الجهاز: countersign-cli device CODE</translation>
    </message>
    <message>
        <source>Give either --approve or --deny, not both.</source>
        <translation>حدّد إما --approve أو --deny، وليس كليهما.</translation>
    </message>
    <message>
        <source>Show which app asks for what with a device code (or its link).</source>
        <translation>عرض أي تطبيق يطلب ماذا باستخدام رمز الجهاز (أو رابطه).</translation>
    </message>
    <message>
        <source>Approve or deny a device code.</source>
        <translation>الموافقة على رمز جهاز أو رفضه.</translation>
    </message>
    <message>
        <source>Give one prompt, quoted: countersign-cli agent &quot;Buy 3 shares of ACME&quot;</source>
        <translation>حدّد مطالبة واحدة بين علامتي اقتباس: countersign-cli agent &quot;Buy 3 shares of ACME&quot;</translation>
    </message>
    <message>
        <source>One turn with the agent; waits until its requests are decided.</source>
        <translation>دورة واحدة مع الوكيل؛ ينتظر حتى يُبتّ في طلباته.</translation>
    </message>
    <message>
        <source>Countersign: approve what AI agents do on your behalf.</source>
        <translation>Countersign: وافق على ما يفعله وكلاء الذكاء الاصطناعي نيابةً عنك.</translation>
    </message>
    <message>
        <source>The prompt is empty.</source>
        <translation>المطالبة فارغة.</translation>
    </message>
</context>
<context>
    <name>countersign::cli::DeviceCommands</name>
    <message>
        <source>waiting, %1 s left</source>
        <translation>بالانتظار، تبقّى %1 ث</translation>
    </message>
    <message>
        <source>waiting, %1 min left</source>
        <translation>بالانتظار، تبقّى %1 د</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>تمت الموافقة</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>انتهت الصلاحية</translation>
    </message>
    <message>
        <source>Asks to: %1</source>
        <translation>يطلب: %1</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>لـ: %1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>التفاصيل: %1</translation>
    </message>
    <message>
        <source>Your provider has no device approval API, so codes are entered on its web page. Open the link the device shows (or pass it instead of the code) to continue in your browser.</source>
        <translation>لا يملك المزوّد واجهة API للموافقة على الأجهزة، لذا تُدخل الرموز في صفحة الويب الخاصة به. افتح الرابط الذي يعرضه الجهاز (أو مرّره بدلًا من الرمز) للمتابعة في المتصفح.</translation>
    </message>
    <message>
        <source>Your provider has no device approval API, and no browser could be opened. Open this address yourself: %1</source>
        <translation>لا يملك المزوّد واجهة API للموافقة على الأجهزة، وتعذّر فتح أي متصفح. افتح هذا العنوان بنفسك: %1</translation>
    </message>
    <message>
        <source>Your provider has no device approval API: the code&apos;s page is open in your browser. Decide there.</source>
        <translation>لا يملك المزوّد واجهة API للموافقة على الأجهزة: صفحة الرمز مفتوحة في المتصفح. اتخذ قرارك هناك.</translation>
    </message>
    <message>
        <source>Approved %1 for %2.</source>
        <translation>تمت الموافقة على %1 لـ %2.</translation>
    </message>
    <message>
        <source>Denied %1 for %2.</source>
        <translation>تم رفض %1 لـ %2.</translation>
    </message>
</context>
<context>
    <name>countersign::cli::SessionCommands</name>
    <message>
        <source>Continue in your browser to sign in…</source>
        <translation>تابع في المتصفح لتسجيل الدخول…</translation>
    </message>
    <message>
        <source>Signed in as %1 at %2.</source>
        <translation>مسجّل الدخول باسم %1 لدى %2.</translation>
    </message>
    <message>
        <source>Open the address on any device, sign in there and enter the code. Waiting (the code expires in %1 min)…</source>
        <translation>افتح العنوان على أي جهاز، وسجّل الدخول هناك وأدخل الرمز. بالانتظار (تنتهي صلاحية الرمز خلال %1 دقيقة)…</translation>
    </message>
    <message>
        <source>A session signed in with a code cannot approve requests. To approve, sign in with &quot;countersign-cli login&quot; in a browser.</source>
        <translation>لا يمكن لجلسة سُجّل الدخول إليها برمز الموافقة على الطلبات. للموافقة، سجّل الدخول باستخدام &quot;countersign-cli login&quot; في المتصفح.</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>الصاحب (subject): %1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>الجهة المُصدِرة: %1</translation>
    </message>
    <message>
        <source>Not signed in; nothing to do.</source>
        <translation>لم تسجّل الدخول؛ لا شيء للقيام به.</translation>
    </message>
    <message>
        <source>Signed out. The stored tokens are deleted.</source>
        <translation>تم تسجيل الخروج. حُذفت الرموز المميزة المخزّنة.</translation>
    </message>
</context>
<context>
    <name>countersign::gui::AgentSettingsViewModel</name>
    <message>
        <source>Set by the environment, which wins over what you save here: %1.</source>
        <translation>مضبوط من البيئة، وله الأولوية على ما تحفظه هنا: %1.</translation>
    </message>
    <message>
        <source>The API key could not be read from the keychain: %1</source>
        <translation>تعذّرت قراءة مفتاح API من سلسلة المفاتيح: %1</translation>
    </message>
    <message>
        <source>The agent uses the demo: %1</source>
        <translation>يستخدم الوكيل العرض التجريبي: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>تم الحفظ.</translation>
    </message>
    <message>
        <source>The API key could not be saved in the keychain: %1</source>
        <translation>تعذّر حفظ مفتاح API في سلسلة المفاتيح: %1</translation>
    </message>
</context>
<context>
    <name>countersign::gui::ChatViewModel</name>
    <message>
        <source>The agent is not available in this version of the app.</source>
        <translation>الوكيل غير متاح في هذا الإصدار من التطبيق.</translation>
    </message>
    <message>
        <source>The agent is not available right now.</source>
        <translation>الوكيل غير متاح حاليًا.</translation>
    </message>
    <message>
        <source>This link cannot be opened: only web addresses (https) are.</source>
        <translation>لا يمكن فتح هذا الرابط: يمكن فتح عناوين الويب (https) فقط.</translation>
    </message>
    <message>
        <source>Your browser could not be opened. Open this address yourself: %1</source>
        <translation>تعذّر فتح المتصفح. افتح هذا العنوان بنفسك: %1</translation>
    </message>
</context>
<context>
    <name>countersign::gui::DeviceViewModel</name>
    <message>
        <source>Not connected to your provider yet. Try again in a moment.</source>
        <translation>لم يتم الاتصال بالمزوّد بعد. حاول مرة أخرى بعد لحظات.</translation>
    </message>
    <message>
        <source>Your provider has no device approval API here, so codes are entered on its web page. Paste the link the device shows instead, and it opens in your browser.</source>
        <translation>لا يملك المزوّد واجهة API للموافقة على الأجهزة هنا، لذا تُدخل الرموز في صفحة الويب الخاصة به. الصق بدلًا من ذلك الرابط الذي يعرضه الجهاز، وسيُفتح في المتصفح.</translation>
    </message>
    <message>
        <source>Your browser could not be opened. Open the device&apos;s link yourself.</source>
        <translation>تعذّر فتح المتصفح. افتح رابط الجهاز بنفسك.</translation>
    </message>
    <message>
        <source>Your provider has no device approval API here: the code&apos;s page is open in your browser. Decide there.</source>
        <translation>لا يملك المزوّد واجهة API للموافقة على الأجهزة هنا: صفحة الرمز مفتوحة في المتصفح. اتخذ قرارك هناك.</translation>
    </message>
    <message>
        <source>Approved. The device can go ahead now, on your behalf.</source>
        <translation>تمت الموافقة. يمكن للجهاز المتابعة الآن نيابةً عنك.</translation>
    </message>
    <message>
        <source>Denied. The device has been told no.</source>
        <translation>تم الرفض. أُبلغ الجهاز بالرفض.</translation>
    </message>
</context>
<context>
    <name>countersign::gui::InboxViewModel</name>
    <message>
        <source>Connecting to your inbox…</source>
        <translation>جارٍ الاتصال بصندوق الوارد…</translation>
    </message>
    <message>
        <source>Offline: %1 Retrying…</source>
        <translation>غير متصل: %1 جارٍ إعادة المحاولة…</translation>
    </message>
</context>
<context>
    <name>countersign::gui::ProviderForm</name>
    <message>
        <source>There is no file %1.</source>
        <translation>لا يوجد ملف %1.</translation>
    </message>
    <message>
        <source>Enter the issuer URL of your provider.</source>
        <translation>أدخل عنوان URL للجهة المُصدِرة لدى المزوّد.</translation>
    </message>
    <message>
        <source>Enter a full URL, for example https://login.example.com.</source>
        <translation>أدخل عنوان URL كاملًا، مثل https://login.example.com.</translation>
    </message>
    <message>
        <source>An issuer URL has no query (?…) or fragment (#…).</source>
        <translation>لا يحتوي عنوان URL للجهة المُصدِرة على استعلام (?…) أو جزء (#…).</translation>
    </message>
    <message>
        <source>The issuer must use https://. Plain http is only allowed for a provider on this computer.</source>
        <translation>يجب أن تستخدم الجهة المُصدِرة https://. لا يُسمح بـ http العادي إلا لمزوّد على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Enter the client ID of the application registered at your provider.</source>
        <translation>أدخل معرّف العميل للتطبيق المسجّل لدى المزوّد.</translation>
    </message>
    <message>
        <source>A client ID contains no spaces.</source>
        <translation>لا يحتوي معرّف العميل على مسافات.</translation>
    </message>
</context>
<context>
    <name>countersign::gui::TrayMenu</name>
    <message>
        <source>Open Countersign</source>
        <translation>فتح Countersign</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Resume notifications (paused until %1)</source>
        <translation>استئناف الإشعارات (متوقفة مؤقتًا حتى %1)</translation>
    </message>
    <message>
        <source>Pause notifications for 1 hour</source>
        <translation>إيقاف الإشعارات مؤقتًا لمدة ساعة</translation>
    </message>
    <message>
        <source>Countersign: no requests waiting</source>
        <translation>لا توجد طلبات بانتظار القرار — Countersign</translation>
    </message>
    <message>
        <source>Countersign: 1 request waiting</source>
        <translation>طلب واحد بانتظار القرار — Countersign</translation>
    </message>
    <message>
        <source>Countersign: %1 requests waiting</source>
        <translation>طلبات بانتظار القرار: %1 — Countersign</translation>
    </message>
    <message>
        <source>Countersign keeps running</source>
        <translation>يبقى Countersign قيد التشغيل</translation>
    </message>
    <message>
        <source>It tells you about new requests while its window is closed. Open it again from its tray icon or the app menu; to stop it, choose Quit in the tray menu or press Ctrl+Q in its window.</source>
        <translation>يُعلمك بالطلبات الجديدة حتى عندما تكون نافذته مغلقة. افتحه مجددًا من أيقونته في منطقة الإشعارات أو من قائمة التطبيقات؛ ولإيقافه اختر «إنهاء» من قائمة الأيقونة أو اضغط Ctrl+Q في نافذته.</translation>
    </message>
</context>
<context>
    <name>countersign::notifications::AgentNotifier</name>
    <message>
        <source>The agent waits for you to approve a device code</source>
        <translation>ينتظر الوكيل موافقتك على رمز جهاز</translation>
    </message>
    <message>
        <source>%1 needs the code %2 approved. Review opens it on the &quot;Enter code&quot; page.</source>
        <translation>تحتاج الأداة %1 إلى الموافقة على الرمز %2. يفتحه زر «مراجعة» في صفحة «إدخال الرمز».</translation>
    </message>
</context>
<context>
    <name>countersign::notifications::ApprovalNotifier</name>
    <message>
        <source>Review</source>
        <translation>مراجعة</translation>
    </message>
    <message>
        <source>%1 requests wait for your decision</source>
        <translation>طلبات بانتظار قرارك: %1</translation>
    </message>
    <message>
        <source>Open Countersign to review them.</source>
        <translation>افتح Countersign لمراجعتها.</translation>
    </message>
    <message>
        <source>%1 asks for your approval</source>
        <translation>يطلب %1 موافقتك</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Countersign could not deny the request</source>
        <translation>تعذّر على Countersign رفض الطلب</translation>
    </message>
</context>
<context>
    <name>countersign::oauth::AuthorizationCodeFlow</name>
    <message>
        <source>Could not open a web browser. Open this address yourself to sign in: %1</source>
        <translation>تعذّر فتح متصفح ويب. افتح هذا العنوان بنفسك لتسجيل الدخول: %1</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>أُلغي تسجيل الدخول.</translation>
    </message>
    <message>
        <source>The sign-in response came from %1, not from the provider you chose.</source>
        <translation>جاء ردّ تسجيل الدخول من %1، وليس من المزوّد الذي اخترته.</translation>
    </message>
    <message>
        <source>Sign-in was declined at the provider.</source>
        <translation>رُفض تسجيل الدخول لدى المزوّد.</translation>
    </message>
    <message>
        <source>Sign-in was declined at the provider: %1</source>
        <translation>رُفض تسجيل الدخول لدى المزوّد: %1</translation>
    </message>
    <message>
        <source>The provider refused the sign-in (%1).</source>
        <translation>رفض المزوّد تسجيل الدخول (%1).</translation>
    </message>
    <message>
        <source>The sign-in response carried no authorization code.</source>
        <translation>لم يتضمن ردّ تسجيل الدخول رمز تفويض.</translation>
    </message>
    <message>
        <source>You are signed in as %1.</source>
        <translation>أنت مسجّل الدخول باسم %1.</translation>
    </message>
</context>
<context>
    <name>countersign::oauth::JwksCache</name>
    <message>
        <source>Could not load the provider&apos;s signing keys: %1</source>
        <translation>تعذّر تحميل مفاتيح التوقيع الخاصة بالمزوّد: %1</translation>
    </message>
</context>
<context>
    <name>countersign::session::DeviceSignIn</name>
    <message>
        <source>%1 does not offer sign-in with a code (it has no device authorization endpoint).</source>
        <translation>لا يوفّر %1 تسجيل الدخول برمز (لا توجد لديه نقطة نهاية لتفويض الأجهزة).</translation>
    </message>
    <message>
        <source>The sign-in was denied.</source>
        <translation>تم رفض تسجيل الدخول.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>أُلغي تسجيل الدخول.</translation>
    </message>
</context>
<context>
    <name>countersign::session::SessionManager</name>
    <message>
        <source>Another sign-in or sign-out is in progress.</source>
        <translation>هناك عملية تسجيل دخول أو خروج أخرى قيد التنفيذ.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>أُلغي تسجيل الدخول.</translation>
    </message>
    <message>
        <source>You signed in, but Countersign could not keep the session: %1 The sign-in was undone at the provider.</source>
        <translation>سجّلت الدخول، لكن تعذّر على Countersign الاحتفاظ بالجلسة: %1 أُلغي تسجيل الدخول لدى المزوّد.</translation>
    </message>
    <message>
        <source>You are signed out on this computer, but the provider could not be told: %1</source>
        <translation>تم تسجيل خروجك على هذا الحاسوب، لكن تعذّر إبلاغ المزوّد: %1</translation>
    </message>
</context>
</TS>
