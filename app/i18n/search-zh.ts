/** Chinese (Simplified, as used by the UN) text of the public listing's search; part of the Chinese catalogue. */
import type { enSearch } from './search-en';

export const zhSearch: Record<keyof typeof enSearch, string> = {
  'search.allTitle': '向各审查论坛提交的已发布意见',
  'search.allIntro': '向各审查论坛提交、经秘书处接受并发布的书面意见。您可以使用任何一种联合国语言进行搜索，也可以按意见涉及的内容和提交者缩小范围。',
  'search.allLink': '搜索所有论坛的已发布意见',
  'search.form': '搜索已发布的意见',
  'search.q': '搜索词',
  'search.q.hint': '可使用任何一种联合国语言。用英文双引号"…"括住词语可查找连在一起的词语，在备选词之间写or，在词语前加减号可将其排除。',
  'search.any': '全部',
  'search.forum': '论坛',
  'search.objective': '《移民全球契约》目标',
  'search.principle': '指导原则',
  'search.sort': '排序',
  'search.sort.relevance': '标题或摘要匹配的在前，其余按最新排列',
  'search.sort.newest': '最新的在前',
  'search.sort.oldest': '最早的在前',
  'search.submit': '搜索',
  'search.clear': '清除搜索',
  'search.results': '{count}份已发布的意见',
  'search.matching': '{count}份已发布的意见符合条件',
  'search.matchingMore': '超过{count}份已发布的意见符合条件',
  'search.none': '没有符合条件的已发布意见。请尝试其他词语、减少词语或减少筛选条件。',
  'search.next': '下一页',
  'search.first': '第一页',
  'search.pages': '结果页',
  'search.in': '提交至{forum}',
};
