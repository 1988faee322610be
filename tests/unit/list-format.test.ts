/**
 * Lists in words go through Intl.ListFormat in the page's language ("a, b and c", "a وb",
 * "a、b和c"), never a comma joined by hand: the accepted file types of the form, a redaction's
 * changed fields in the audit trail, and lists whose items keep their own direction in <bdi>.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AttachmentsField } from '../../app/components/AttachmentsField';
import { ListOf } from '../../app/components/ListOf';
import { formatList, listParts } from '../../app/i18n/list-format';
import { translator } from '../../app/i18n/translate';
import { auditEntryView } from '../../app/modules/moderation/review-view';
import type { AuditEvent } from '../../db/schema';

const lists = (locale: string, items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
/** Text as React writes it into markup. */
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

describe('lists in words', () => {
  it.each(['en', 'ar', 'zh', 'ru'] as const)('name the accepted file types as %s lists them', (locale) => {
    const t = translator(locale);
    const html = renderToStaticMarkup(
      createElement(AttachmentsField, {
        t,
        locale,
        rules: { allowedTypes: ['pdf', 'docx', 'txt'], maxSizeMb: 10, maxCount: 3 },
        held: [],
        refused: [],
        uploadUrl: `/${locale}/forums/f/attachments`,
      }),
    );
    const types = lists(locale, [t('file.kind.pdf'), t('file.kind.docx'), t('file.kind.txt')]);
    expect(html).toContain(escaped(t('form.attachments.rules', { count: 3, size: 10, types })));
    expect(html).not.toContain(`${t('file.kind.pdf')}, ${t('file.kind.docx')}, ${t('file.kind.txt')}`);
  });

  it('name what a redaction changed in the audit trail, listed in the page language', () => {
    const event = {
      id: 1,
      occurredAt: new Date('2026-11-22T22:50:19Z'),
      action: 'submission.redacted',
      actorKind: 'staff',
      details: { after: { title: 'x', body: 'y', nameHidden: true } },
    } as unknown as AuditEvent;
    for (const locale of ['en', 'ar', 'fr'] as const) {
      const t = translator(locale);
      const view = auditEntryView(event, 'Amina', (d) => ({ iso: d.toISOString(), text: d.toISOString() }), locale);
      expect(view.fields, locale).toBe(lists(locale, [t('publication.field.title'), t('publication.field.body'), t('publication.field.nameHidden')]));
    }
  });

  it('keep each item in its own direction, joined by the language’s words', () => {
    const parts = listParts('ar', ['IMRF26-0001', 'IMRF26-0002', 'IMRF26-0003']);
    expect(parts.map((p) => p.value).join('')).toBe(formatList('ar', ['IMRF26-0001', 'IMRF26-0002', 'IMRF26-0003']));
    const html = renderToStaticMarkup(createElement(ListOf, { parts, dir: 'ltr' }));
    expect(html.match(/<bdi dir="ltr">IMRF26-000\d<\/bdi>/g)).toHaveLength(3);
    expect(html.replace(/<[^>]+>/g, '')).toBe(formatList('ar', ['IMRF26-0001', 'IMRF26-0002', 'IMRF26-0003']));
  });
});
