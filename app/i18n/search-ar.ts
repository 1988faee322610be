/** Arabic text of the public listing's search; part of the Arabic catalogue. */
import type { enSearch } from './search-en';

export const arSearch: Record<keyof typeof enSearch, string> = {
  'search.allTitle': 'المساهمات المنشورة المقدَّمة إلى منتديات الاستعراض',
  'search.allIntro': 'المساهمات المكتوبة المقدَّمة إلى جميع منتديات الاستعراض، التي قبلتها الأمانة ونشرتها. ابحث فيها بأي لغة من لغات الأمم المتحدة، أو ضيِّق نطاقها بحسب ما تتناوله والجهة التي أرسلتها.',
  'search.allLink': 'البحث في المساهمات المنشورة لجميع المنتديات',
  'search.form': 'البحث في المساهمات المنشورة',
  'search.q': 'الكلمات المطلوبة',
  'search.q.hint': 'بأي لغة من لغات الأمم المتحدة. ضع الكلمات بين "علامتي تنصيص" للعثور عليها متتالية، واكتب or بين البدائل، وضع علامة الطرح قبل كلمة لاستبعادها.',
  'search.any': 'الكل',
  'search.forum': 'المنتدى',
  'search.objective': 'هدف الاتفاق العالمي',
  'search.principle': 'المبدأ التوجيهي',
  'search.sort': 'الترتيب',
  'search.sort.relevance': 'المطابقة في العنوان أو الملخص أولًا، ثم الأحدث',
  'search.sort.newest': 'الأحدث أولًا',
  'search.sort.oldest': 'الأقدم أولًا',
  'search.submit': 'بحث',
  'search.clear': 'مسح البحث',
  'search.results': '{count} مساهمة منشورة',
  'search.matching': '{count} مساهمة منشورة مطابقة',
  'search.matchingMore': 'أكثر من {count} مساهمة منشورة مطابقة',
  'search.none': 'لا توجد مساهمة منشورة مطابقة. جرِّب كلمات أخرى أو كلمات أقل أو عوامل تصفية أقل.',
  'search.next': 'الصفحة التالية',
  'search.first': 'الصفحة الأولى',
  'search.pages': 'صفحات النتائج',
  'search.in': 'في {forum}',
};
