import type { ReceiptTextKey } from './receipt-i18n';
import type { PublicationTextKey } from './publication-i18n';
import type { BookTextKey } from './book-i18n';

/** Chinese (Simplified, as used by the UN) text of the PDFs: the receipt, a published input and a book of inputs. */
export const zhReceipt: Record<ReceiptTextKey, string> = {
  title: '书面意见回执',
  reference: '编号',
  receivedUtc: '收到时间（UTC）',
  receivedLocal: '收到时间（论坛所用时区）',
  submitted: '收到的内容',
  digest: '所提交内容的SHA-256哈希值',
  digestNote: '此哈希值准确标识上述内容。请保留此回执，作为您提交意见的证明。',
  page: '第{n}页，共{total}页',
  attachments: '附件',
  attachmentDigest: '文件的SHA-256哈希值',
};

export const zhPublicationText: Record<PublicationTextKey, string> = {
  kind: '书面意见',
  reference: '编号',
  by: '提交人',
  constituency: '利益攸关方群体',
  country: '国家',
  language: '意见语言',
  objectives: '《移民全球契约》目标',
  principles: '指导原则',
  published: '发布日期',
  summary: '摘要',
  text: '全文',
  attachments: '随意见发布的文件',
  cite: '如何引用此意见',
  source: '发布于向《移民全球契约》审查论坛提交书面意见的门户网站：',
  page: '第{n}页，共{total}页',
};

export const zhBookText: Record<BookTextKey, string> = {
  title: '向{forum}提交的书面意见',
  published: '截至{date}已发布的{count}份意见，按{grouping}分组。',
  groupingConstituency: '利益攸关方群体',
  groupingObjective: '《移民全球契约》目标',
  objectiveNote: '涉及多个目标的意见在每个相关目标下均会列出。',
  contents: '目录',
  reference: '编号',
  by: '提交人',
  summary: '摘要',
  page: '第{n}页，共{total}页',
};
