/**
 * Messages whose wording depends on a number. Arabic counts nouns in six ways (CLDR categories:
 * zero, one, two, few 3–10, many 11–99, other 100+ and fractions), with the counted noun changing
 * form and case each time, so "{n} files" cannot be one template. Each entry names the parameter
 * that drives the choice and gives a template per category; Intl.PluralRules of the interface
 * language picks the category, and the catalog's plain message is the fallback for any category
 * not listed. Numbers themselves are formatted by the translator with the language's digits.
 */
import type { InterfaceLocale } from '../modules/taxonomy/locales';
import { esPlurals } from './plurals-es';
import { frPlurals } from './plurals-fr';
import { ruPlurals } from './plurals-ru';
import { zhPlurals } from './plurals-zh';
import type { MessageKey } from './en';

export interface PluralMessage {
  /** The numeric parameter the wording agrees with. */
  by: string;
  forms: Partial<Record<Intl.LDMLPluralRule, string>>;
}

const en: Partial<Record<MessageKey, PluralMessage>> = {
  'form.errorSummary': { by: 'count', forms: { one: 'There is a problem with 1 field', other: 'There is a problem with {count} fields' } },
  'error.rateLimited': {
    by: 'minutes',
    forms: { one: 'Too many inputs were sent from your connection or e-mail address in a short time. Please try again in 1 minute; nothing you typed is lost.' },
  },
  'forumAdmin.list.caption': { by: 'count', forms: { one: '1 forum, by closing date', other: '{count} forums, by closing date' } },
  'form.attachments.rules': { by: 'count', forms: { one: 'You may attach one file of at most {size} MB. Accepted: {types}.' } },
  'attachment.tooMany': { by: 'count', forms: { one: 'Too many files: this call accepts only one.' } },
  'staff.login.throttled': { by: 'minutes', forms: { one: 'Too many sign-in attempts from this connection. Please wait 1 minute and try again.' } },
  'staff.team.caption': { by: 'count', forms: { one: '1 staff account' } },
  'staff.queue.matching': { by: 'count', forms: { one: '1 input matches' } },
  'search.results': { by: 'count', forms: { one: '1 published input' } },
  'search.matching': { by: 'count', forms: { one: '1 published input matches' } },
  'staff.bulk.done': { by: 'count', forms: { one: '1 input decided.' } },
  'ledger.meaning.received': {
    by: 'days',
    forms: { one: 'Inputs whose sender confirmed their e-mail address. Only these reach the secretariat; inputs never confirmed are erased after 1 day and are not counted here.' },
  },
};

const ar: Partial<Record<MessageKey, PluralMessage>> = {
  'form.summary.hint': {
    by: 'max',
    forms: { one: 'حرف واحد بحد أقصى.', two: 'حرفان بحد أقصى.', few: 'بحد أقصى {max} أحرف.', many: 'بحد أقصى {max} حرفًا.', other: 'بحد أقصى {max} حرف.' },
  },
  'form.body.hint': {
    by: 'max',
    forms: { one: 'كلمة واحدة بحد أقصى.', two: 'كلمتان بحد أقصى.', few: 'بحد أقصى {max} كلمات.', many: 'بحد أقصى {max} كلمةً.', other: 'بحد أقصى {max} كلمة.' },
  },
  'form.summary.hintRange': {
    by: 'max',
    forms: { few: 'بين {min} و{max} أحرف.', many: 'بين {min} و{max} حرفًا.', other: 'بين {min} و{max} حرف.' },
  },
  'form.body.hintRange': {
    by: 'max',
    forms: { few: 'بين {min} و{max} كلمات.', many: 'بين {min} و{max} كلمةً.', other: 'بين {min} و{max} كلمة.' },
  },
  'form.errorSummary': {
    by: 'count',
    forms: {
      one: 'توجد مشكلة في حقل واحد',
      two: 'توجد مشكلة في حقلين',
      few: 'توجد مشكلات في {count} حقول',
      many: 'توجد مشكلات في {count} حقلًا',
      other: 'توجد مشكلات في {count} حقل',
    },
  },
  'error.rateLimited': {
    by: 'minutes',
    forms: {
      one: 'أُرسل عدد كبير من المساهمات من اتصالك أو عنوان بريدك الإلكتروني خلال وقت قصير. يُرجى المحاولة مجددًا بعد دقيقة واحدة؛ لم يضع شيء مما كتبته.',
      two: 'أُرسل عدد كبير من المساهمات من اتصالك أو عنوان بريدك الإلكتروني خلال وقت قصير. يُرجى المحاولة مجددًا بعد دقيقتين؛ لم يضع شيء مما كتبته.',
      few: 'أُرسل عدد كبير من المساهمات من اتصالك أو عنوان بريدك الإلكتروني خلال وقت قصير. يُرجى المحاولة مجددًا بعد {minutes} دقائق؛ لم يضع شيء مما كتبته.',
      many: 'أُرسل عدد كبير من المساهمات من اتصالك أو عنوان بريدك الإلكتروني خلال وقت قصير. يُرجى المحاولة مجددًا بعد {minutes} دقيقةً؛ لم يضع شيء مما كتبته.',
    },
  },
  'api.problem.rateLimited.detail': {
    by: 'seconds',
    forms: {
      one: 'أُرسل عدد كبير من المساهمات من هذا الاتصال أو لعنوان البريد الإلكتروني هذا خلال وقت قصير. حاول مجددًا بعد ثانية واحدة.',
      two: 'أُرسل عدد كبير من المساهمات من هذا الاتصال أو لعنوان البريد الإلكتروني هذا خلال وقت قصير. حاول مجددًا بعد ثانيتين.',
      few: 'أُرسل عدد كبير من المساهمات من هذا الاتصال أو لعنوان البريد الإلكتروني هذا خلال وقت قصير. حاول مجددًا بعد {seconds} ثوانٍ.',
      many: 'أُرسل عدد كبير من المساهمات من هذا الاتصال أو لعنوان البريد الإلكتروني هذا خلال وقت قصير. حاول مجددًا بعد {seconds} ثانيةً.',
    },
  },
  'forumAdmin.list.caption': {
    by: 'count',
    forms: {
      zero: 'لا منتديات بعد',
      one: 'منتدى واحد، مرتبة حسب تاريخ الإغلاق',
      two: 'منتديان، مرتبان حسب تاريخ الإغلاق',
      few: '{count} منتديات، مرتبة حسب تاريخ الإغلاق',
      many: '{count} منتدًى، مرتبة حسب تاريخ الإغلاق',
    },
  },
  'form.attachments.rules': {
    by: 'count',
    forms: {
      one: 'يمكنك إرفاق ملف واحد كحدّ أقصى، لا يتجاوز حجمه {size} ميغابايت. الأنواع المقبولة: {types}.',
      two: 'يمكنك إرفاق ملفين كحدّ أقصى، لا يتجاوز حجم كلٍّ منهما {size} ميغابايت. الأنواع المقبولة: {types}.',
      few: 'يمكنك إرفاق {count} ملفات كحدّ أقصى، لا يتجاوز حجم كلٍّ منها {size} ميغابايت. الأنواع المقبولة: {types}.',
      many: 'يمكنك إرفاق {count} ملفًا كحدّ أقصى، لا يتجاوز حجم كلٍّ منها {size} ميغابايت. الأنواع المقبولة: {types}.',
      other: 'يمكنك إرفاق {count} ملف كحدّ أقصى، لا يتجاوز حجم كلٍّ منها {size} ميغابايت. الأنواع المقبولة: {types}.',
    },
  },
  'attachment.tooMany': {
    by: 'count',
    forms: {
      one: 'عدد الملفات أكثر من المسموح: تقبل هذه الدعوة ملفًا واحدًا فقط.',
      two: 'عدد الملفات أكثر من المسموح: تقبل هذه الدعوة ملفين كحدّ أقصى.',
      few: 'عدد الملفات أكثر من المسموح: تقبل هذه الدعوة {count} ملفات كحدّ أقصى.',
      many: 'عدد الملفات أكثر من المسموح: تقبل هذه الدعوة {count} ملفًا كحدّ أقصى.',
      other: 'عدد الملفات أكثر من المسموح: تقبل هذه الدعوة {count} ملف كحدّ أقصى.',
    },
  },
  'staff.login.throttled': {
    by: 'minutes',
    forms: {
      one: 'محاولات دخول كثيرة جدًا من هذا الاتصال. يُرجى الانتظار دقيقة واحدة ثم المحاولة مجددًا.',
      two: 'محاولات دخول كثيرة جدًا من هذا الاتصال. يُرجى الانتظار دقيقتين ثم المحاولة مجددًا.',
      few: 'محاولات دخول كثيرة جدًا من هذا الاتصال. يُرجى الانتظار {minutes} دقائق ثم المحاولة مجددًا.',
      many: 'محاولات دخول كثيرة جدًا من هذا الاتصال. يُرجى الانتظار {minutes} دقيقةً ثم المحاولة مجددًا.',
    },
  },
  'staff.team.caption': {
    by: 'count',
    forms: { one: 'حساب واحد في الفريق', two: 'حسابان في الفريق', few: '{count} حسابات في الفريق', many: '{count} حسابًا في الفريق', other: '{count} حساب في الفريق' },
  },
  'search.results': {
    by: 'count',
    forms: { zero: 'لا توجد مساهمات منشورة', one: 'مساهمة منشورة واحدة', two: 'مساهمتان منشورتان', few: '{count} مساهمات منشورة', many: '{count} مساهمةً منشورة', other: '{count} مساهمة منشورة' },
  },
  'search.matching': {
    by: 'count',
    forms: { zero: 'لا توجد مساهمات منشورة مطابقة', one: 'مساهمة منشورة واحدة مطابقة', two: 'مساهمتان منشورتان مطابقتان', few: '{count} مساهمات منشورة مطابقة', many: '{count} مساهمةً منشورةً مطابقة', other: '{count} مساهمة منشورة مطابقة' },
  },
  'staff.queue.matching': {
    by: 'count',
    forms: { zero: 'لا توجد مساهمات مطابقة', one: 'مساهمة واحدة مطابقة', two: 'مساهمتان مطابقتان', few: '{count} مساهمات مطابقة', many: '{count} مساهمةً مطابقة', other: '{count} مساهمة مطابقة' },
  },
  'ledger.meaning.received': {
    by: 'days',
    forms: {
      one: 'المساهمات التي أكّد مرسلوها عناوين بريدهم الإلكتروني. وهذه وحدها تصل إلى الأمانة؛ أما المساهمات التي لم تُؤكَّد فتُمحى بعد يوم واحد ولا تُحتسب هنا.',
      two: 'المساهمات التي أكّد مرسلوها عناوين بريدهم الإلكتروني. وهذه وحدها تصل إلى الأمانة؛ أما المساهمات التي لم تُؤكَّد فتُمحى بعد يومين ولا تُحتسب هنا.',
      few: 'المساهمات التي أكّد مرسلوها عناوين بريدهم الإلكتروني. وهذه وحدها تصل إلى الأمانة؛ أما المساهمات التي لم تُؤكَّد فتُمحى بعد {days} أيام ولا تُحتسب هنا.',
      many: 'المساهمات التي أكّد مرسلوها عناوين بريدهم الإلكتروني. وهذه وحدها تصل إلى الأمانة؛ أما المساهمات التي لم تُؤكَّد فتُمحى بعد {days} يومًا ولا تُحتسب هنا.',
      other: 'المساهمات التي أكّد مرسلوها عناوين بريدهم الإلكتروني. وهذه وحدها تصل إلى الأمانة؛ أما المساهمات التي لم تُؤكَّد فتُمحى بعد {days} يوم ولا تُحتسب هنا.',
    },
  },
};

export const PLURALS: Record<InterfaceLocale, Partial<Record<MessageKey, PluralMessage>>> = { en, ar, fr: frPlurals, es: esPlurals, ru: ruPlurals, zh: zhPlurals };
