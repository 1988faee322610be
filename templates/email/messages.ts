import { escapeHtml, isolate, isolateText } from './layout';
import { frEmail } from './messages-fr';
import { esEmail } from './messages-es';
import { ruEmail } from './messages-ru';
import { zhEmail } from './messages-zh';


/**
 * Fixed text of the e-mails, in every interface language: English here, Arabic below, the others
 * in messages-{fr,es,ru,zh}.ts; each must define every English key (the type says so).
 */
const en = {
  greeting: 'Dear {name},',
  greetingNoName: 'Hello,',
  signature: 'Secretariat of the UN Network on Migration',
  automated: 'This message was sent automatically. Please do not reply to it.',
  'invite.subject': 'You are invited to moderate inputs to the GCM review forums',
  'invite.intro': '{inviter} invited you to the secretariat side of the GCM inputs portal as {role}.',
  'invite.introNoInviter': 'You are invited to the secretariat side of the GCM inputs portal as {role}.',
  'invite.action': 'Choose your password with this one-time link:',
  'invite.link': 'Choose my password',
  'invite.expires': 'The link works once, until {date}. Administrators also set up sign-in codes from an authenticator app.',
  'invite.notYou': 'If you did not expect this invitation, ignore this message: the account cannot be used without the link.',
  'invite.role.admin': 'an administrator',
  'invite.role.moderator': 'a moderator',
  'draft.subject': 'Your draft input to {forum} is saved',
  'draft.intro': 'Your draft written input to {forum} is saved. Continue it, change it and send it with this private link:',
  'draft.link': 'Continue my draft',
  'draft.expires': 'The link works until {date}. Until you send your input, the secretariat does not see it.',
  'draft.notYou': 'If you did not save a draft, ignore this message: it is erased when the link expires.',
  'confirm.subject': 'Confirm your e-mail address to send input {reference}',
  'confirm.intro': 'We received a written input to {forum} with this e-mail address. Before it goes to the secretariat, please confirm that the address is yours.',
  'confirm.action': 'Open the link below and press "Confirm my e-mail address". You will then receive the receipt.',
  'confirm.link': 'Confirm my e-mail address',
  'confirm.notYou': 'If you did not send this input, ignore this message: nothing will be reviewed or published, and the input and its contact details are erased after {period}.',
  'ack.subject': 'Received: your input {reference} to {forum}',
  'ack.intro': 'Thank you. We received your written input to {forum}.',
  'ack.reference': 'Reference',
  'ack.title': 'Title',
  'ack.receivedAt': 'Received',
  'ack.receipt': 'The attached PDF receipt lists exactly what we received, with a SHA-256 digest of the content.',
  'ack.next': 'What happens next: the secretariat reviews every input. We will write to you when a decision is made.',
  'ack.status': 'You can follow your input, see the messages we sent, and withdraw it before a decision, on its status page:',
  'ack.statusLink': 'Open the status page',
  'ack.statusPrivate': 'This link is private: anyone who has it can see and withdraw your input. Do not share it.',
  'decision.accepted.subject': 'Published, no action needed: your input {reference} to {forum}',
  'decision.accepted.body': 'Your written input "{title}" has been accepted and is now part of the public record of {forum}.',
  'decision.accepted.link': 'Read it online',
  'decision.rejected.subject': 'Not published, no action needed: your input {reference} to {forum}',
  'decision.duplicate.subject': 'Considered with another input, no action needed: your input {reference}',
  'decision.duplicate.body': 'Your written input "{title}" repeats another input received for {forum} ({original}). The secretariat considers them together, so it will not be published separately.',
  'decision.rejected.body': 'After review, the secretariat decided not to publish your written input "{title}".',
  'decision.rejected.reason': 'Reason given',
  'decision.changes_requested.subject': 'Action needed: changes requested to your input {reference}',
  'decision.changes_requested.body': 'The secretariat asks you to change your written input "{title}" to {forum} before it can be published.',
  'decision.changes_requested.message': 'Message from the secretariat',
  'decision.changes_requested.link': 'Edit your input',
  'decision.changes_requested.how': 'Open the link, edit the input and send it again. You will receive a new receipt; the earlier version is kept.',
  'decision.scheduled.subject': 'Accepted, no action needed: your input {reference} to {forum} will be published on {date}',
  'decision.scheduled.body': 'Your written input "{title}" has been accepted. It will become part of the public record of {forum} on {date}, together with the other inputs published then.',
  'decision.unpublished.subject': 'Withdrawn from publication, no action needed: your input {reference} to {forum}',
  'decision.unpublished.body': 'The secretariat has withdrawn your written input "{title}" from the public record of {forum}. Its page now says that it was withdrawn from publication; the input is kept.',
  'decision.unpublished.reason': 'Reason given',
};

export type EmailMessageKey = keyof typeof en;

const ar: Record<EmailMessageKey, string> = {
  greeting: '{name}، تحية طيبة،',
  greetingNoName: 'تحية طيبة،',
  signature: 'أمانة شبكة الأمم المتحدة المعنية بالهجرة',
  automated: 'أُرسلت هذه الرسالة آليًا. يُرجى عدم الرد عليها.',
  'invite.subject': 'دعوة إلى الإشراف على المساهمات المقدَّمة إلى منتديات استعراض الاتفاق العالمي من أجل الهجرة',
  'invite.intro': 'دعاك {inviter} إلى قسم الأمانة في بوابة مساهمات الاتفاق العالمي من أجل الهجرة بصفتك {role}.',
  'invite.introNoInviter': 'تلقيت دعوة للانضمام إلى قسم الأمانة في بوابة مساهمات الاتفاق العالمي من أجل الهجرة بصفتك {role}.',
  'invite.action': 'اختر كلمة المرور عبر هذا الرابط الذي يُستخدم مرة واحدة:',
  'invite.link': 'اختيار كلمة المرور',
  'invite.expires': 'يعمل الرابط مرة واحدة حتى {date}. ويُعِدّ المسؤولون أيضًا رموز الدخول من تطبيق للمصادقة.',
  'invite.notYou': 'إذا لم تكن تتوقع هذه الدعوة، فتجاهل هذه الرسالة: لا يمكن استخدام الحساب من دون الرابط.',
  'invite.role.admin': 'مسؤولًا',
  'invite.role.moderator': 'مشرفًا',
  'draft.subject': 'حُفظت مسودة مساهمتك في {forum}',
  'draft.intro': 'حُفظت مسودة مساهمتك المكتوبة في {forum}. يمكنك متابعتها وتعديلها وإرسالها عبر هذا الرابط الخاص:',
  'draft.link': 'متابعة المسودة',
  'draft.expires': 'يعمل الرابط حتى {date}. لا تطّلع الأمانة على مساهمتك إلى أن ترسلها.',
  'draft.notYou': 'إذا لم تحفظ أي مسودة، فتجاهل هذه الرسالة: ستُمحى عند انتهاء صلاحية الرابط.',
  'confirm.subject': 'أكِّد عنوان بريدك الإلكتروني لإرسال المساهمة {reference}',
  'confirm.intro': 'استلمنا مساهمة مكتوبة في {forum} باستخدام عنوان البريد الإلكتروني هذا. قبل أن تصل إلى الأمانة، يُرجى تأكيد أن هذا العنوان يخصك.',
  'confirm.action': 'افتح الرابط أدناه واضغط على «أكِّد عنوان بريدي الإلكتروني». ستتلقى الإيصال بعد ذلك.',
  'confirm.link': 'أكِّد عنوان بريدي الإلكتروني',
  'confirm.notYou': 'إذا لم تُرسل هذه المساهمة، فتجاهل هذه الرسالة: لن تُراجَع ولن تُنشر، وستُمحى المساهمة وبيانات الاتصال بعد {period}.',
  'ack.subject': 'تم الاستلام: مساهمتك {reference} في {forum}',
  'ack.intro': 'شكرًا لك. لقد استلمنا مساهمتك المكتوبة في {forum}.',
  'ack.reference': 'الرقم المرجعي',
  'ack.title': 'العنوان',
  'ack.receivedAt': 'تاريخ الاستلام',
  'ack.receipt': 'يتضمن إيصال PDF المرفق كل ما استلمناه بالضبط، مع بصمة SHA-256 للمحتوى.',
  'ack.next': 'الخطوات التالية: تراجع الأمانة كل مساهمة، وسنراسلك عند اتخاذ قرار بشأنها.',
  'ack.status': 'يمكنك متابعة مساهمتك والاطلاع على الرسائل التي أرسلناها وسحبها قبل اتخاذ القرار، من خلال صفحة حالتها:',
  'ack.statusLink': 'افتح صفحة الحالة',
  'ack.statusPrivate': 'هذا الرابط خاص: يستطيع كل من يملكه الاطلاع على مساهمتك وسحبها. لا تشاركه مع أحد.',
  'decision.accepted.subject': 'تم النشر، ولا يلزمك أي إجراء: مساهمتك {reference} في {forum}',
  'decision.accepted.body': 'تم قبول مساهمتك المكتوبة «{title}» وأصبحت جزءًا من السجل العام لـ{forum}.',
  'decision.accepted.link': 'اقرأها على الإنترنت',
  'decision.rejected.subject': 'لم تُنشر، ولا يلزمك أي إجراء: مساهمتك {reference} في {forum}',
  'decision.duplicate.subject': 'نُظر فيها مع مساهمة أخرى، ولا يلزمك أي إجراء: مساهمتك {reference}',
  'decision.duplicate.body': 'تكرّر مساهمتك المكتوبة «{title}» مساهمة أخرى وردت إلى {forum} ({original}). تنظر الأمانة فيهما معًا، لذا لن تُنشر مساهمتك على حدة.',
  'decision.rejected.body': 'بعد المراجعة، قررت الأمانة عدم نشر مساهمتك المكتوبة «{title}».',
  'decision.rejected.reason': 'السبب المذكور',
  'decision.changes_requested.subject': 'إجراء مطلوب: طُلب تعديل مساهمتك {reference}',
  'decision.changes_requested.body': 'تطلب منك الأمانة تعديل مساهمتك المكتوبة «{title}» في {forum} قبل نشرها.',
  'decision.changes_requested.message': 'رسالة الأمانة',
  'decision.changes_requested.link': 'تعديل مساهمتك',
  'decision.changes_requested.how': 'افتح الرابط، وعدِّل المساهمة، ثم أرسلها مجددًا. ستتلقى إيصالًا جديدًا، وتُحفظ النسخة السابقة.',
  'decision.scheduled.subject': 'قُبلت، ولا يلزمك أي إجراء: ستُنشر مساهمتك {reference} في {forum} بتاريخ {date}',
  'decision.scheduled.body': 'تم قبول مساهمتك المكتوبة «{title}». وستصبح جزءًا من السجل العام لـ{forum} بتاريخ {date}، مع المساهمات الأخرى التي تُنشر حينئذ.',
  'decision.unpublished.subject': 'سُحبت من النشر، ولا يلزمك أي إجراء: مساهمتك {reference} في {forum}',
  'decision.unpublished.body': 'سحبت الأمانة مساهمتك المكتوبة «{title}» من السجل العام لـ{forum}. وتذكر صفحتها الآن أنها سُحبت من النشر، مع الاحتفاظ بالمساهمة.',
  'decision.unpublished.reason': 'السبب المذكور',
};

/** Every interface language's e-mail text (tests check keys and placeholders). */
export const EMAIL_CATALOGUES: Record<string, Record<EmailMessageKey, string>> = { en, ar, fr: frEmail, es: esEmail, ru: ruEmail, zh: zhEmail };

/** Message in `locale` (English fallback) with {placeholders} filled in as plain text. */
export function emailText(locale: string, key: EmailMessageKey, params: Record<string, string> = {}): string {
  const template = (EMAIL_CATALOGUES[locale] ?? en)[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? isolateText(params[name], locale) : `{${name}}`));
}

/** The same message as HTML: our text escaped, each placeholder value escaped and isolated (<bdi>). */
export function emailHtml(locale: string, key: EmailMessageKey, params: Record<string, string> = {}): string {
  const template = (EMAIL_CATALOGUES[locale] ?? en)[key];
  return template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      return name && name in params ? isolate(params[name]) : escapeHtml(part);
    })
    .join('');
}
