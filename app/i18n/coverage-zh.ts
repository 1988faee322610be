/** Chinese (Simplified, as used by the UN) text of the coverage map; part of the Chinese catalogue. */
import type { enCoverage } from './coverage-en';

export const zhCoverage: Record<keyof typeof enCoverage, string> = {
  'coverage.link': '本论坛所收意见涉及的内容：覆盖情况图',
  'coverage.title': '{forum}所收意见涉及的内容',
  'coverage.staffTitle': '{forum}的覆盖情况，包括审查中的意见',
  'coverage.intro': '已发布的意见涉及《移民全球契约》的哪些目标（按利益攸关方群体和联合国区域分列）、以何种语言撰写以及何时收到。涉及多个目标的意见在每个目标下分别计数。仅显示数字：无法据此识别任何意见或任何个人。',
  'coverage.staffIntro': '与公开页面相同的图表，但同时统计仍在审查中的意见（等待决定、已退回修改，或已接受但尚未发布）：可据此了解征集开放期间哪些方面的意见较少。已撤回、被拒绝、重复和垃圾信息类意见不计入。',
  'coverage.total': '计入的意见：{count}。',
  'coverage.none': '尚无可统计的意见。',
  'coverage.byConstituency': '《移民全球契约》目标，按利益攸关方群体分列',
  'coverage.byConstituency.desc': '网格中每行代表一个《移民全球契约》目标，每列代表一个利益攸关方群体；每个单元格显示该群体涉及该目标的意见数量，数量越多颜色越深。下表列有相同的数字。',
  'coverage.byRegion': '《移民全球契约》目标，按联合国区域分列',
  'coverage.byRegion.desc': '网格中每行代表一个《移民全球契约》目标，每列代表一个联合国区域；每个单元格显示来自该区域、涉及该目标的意见数量，数量越多颜色越深。下表列有相同的数字。',
  'coverage.byLanguage': '按撰写语言分列的意见',
  'coverage.byLanguage.desc': '每种联合国语言对应一个条形，其长度对应以该语言撰写的意见数量。下表列有相同的数字。',
  'coverage.byWeek': '按收到周次分列的意见',
  'coverage.byWeek.desc': '每周对应一个条形，从第一个收到意见的周到最后一个周，其长度对应该周收到的意见数量。下表列有相同的数字。',
  'coverage.table': '数字列表',
  'coverage.col.objective': '目标',
  'coverage.col.language': '语言',
  'coverage.col.week': '周起始日',
  'coverage.col.inputs': '意见',
  'coverage.staffLink': '本论坛的覆盖情况图，包括审查中的意见',
  'coverage.back': '返回{forum}',
};
