import type { MessageKey } from './en';
import type { PluralMessage } from './plurals';

/**
 * Chinese (Simplified, as used by the UN) text of the messages whose wording depends on a number.
 * Chinese has no plural agreement: CLDR gives it the single category "other", so each entry holds
 * only that form, worded as the catalogue message, for every message the English or Arabic table lists.
 */
export const zhPlurals: Partial<Record<MessageKey, PluralMessage>> = {
  'form.summary.hint': { by: 'max', forms: { other: '最多{max}个字符。' } },
  'form.body.hint': { by: 'max', forms: { other: '最多{max}个词。' } },
  'form.summary.hintRange': { by: 'max', forms: { other: '{min}至{max}个字符。' } },
  'form.body.hintRange': { by: 'max', forms: { other: '{min}至{max}个词。' } },
  'form.errorSummary': { by: 'count', forms: { other: '有{count}个字段存在问题' } },
  'error.rateLimited': {
    by: 'minutes',
    forms: { other: '短时间内从您的连接或电子邮件地址发送的意见过多。请在{minutes}分钟后重试；您输入的内容不会丢失。' },
  },
  'api.problem.rateLimited.detail': {
    by: 'seconds',
    forms: { other: '短时间内从此连接或为此电子邮件地址发送的意见过多。请在{seconds}秒后重试。' },
  },
  'forumAdmin.list.caption': { by: 'count', forms: { other: '{count}个论坛，按截止日期排列' } },
  'form.attachments.rules': {
    by: 'count',
    forms: { other: '您最多可附上{count}个文件，单个文件不超过{size} MB。接受的类型：{types}。' },
  },
  'attachment.tooMany': { by: 'count', forms: { other: '文件过多：本次征集最多接受{count}个文件。' } },
  'staff.login.throttled': { by: 'minutes', forms: { other: '此连接的登录尝试次数过多。请等待{minutes}分钟后重试。' } },
  'staff.team.caption': { by: 'count', forms: { other: '{count}个工作人员账户' } },
  'staff.queue.matching': { by: 'count', forms: { other: '{count}份意见符合条件' } },
  'search.results': { by: 'count', forms: { other: '{count}份已发布的意见' } },
  'search.matching': { by: 'count', forms: { other: '{count}份已发布的意见符合条件' } },
  'staff.bulk.done': { by: 'count', forms: { other: '已对{count}份意见作出决定。' } },
  'ledger.meaning.received': {
    by: 'days',
    forms: { other: '提交人已确认其电子邮件地址的意见。只有这些意见会送达秘书处；始终未确认的意见在{days}天后删除，不计入此处。' },
  },
};
