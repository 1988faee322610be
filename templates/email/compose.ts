import { htmlDocument, oneLine, type RenderedEmail } from './layout';
import { emailHtml, emailText } from './messages';

/**
 * Every e-mail has the same frame: greeting, the message's own blocks, signature. Each block is
 * given once as plain text and once as HTML, so both parts always say the same thing.
 */
export function composeEmail(args: {
  locale: string;
  dir: 'rtl' | 'ltr';
  subject: string;
  contactName: string;
  blocks: Array<{ text: string; html: string }>;
}): RenderedEmail {
  const { locale } = args;
  const subject = oneLine(args.subject);
  const text = [
    emailText(locale, 'greeting', { name: args.contactName }),
    ...args.blocks.map((b) => b.text),
    [emailText(locale, 'signature'), emailText(locale, 'automated')].join('\n'),
  ].join('\n\n');
  const html = htmlDocument({
    locale,
    dir: args.dir,
    title: subject,
    body: [
      `<p>${emailHtml(locale, 'greeting', { name: args.contactName })}</p>`,
      ...args.blocks.map((b) => b.html),
      `<p style="color:#555;">${emailHtml(locale, 'signature')}<br><small>${emailHtml(locale, 'automated')}</small></p>`,
    ].join('\n'),
  });
  return { subject, text, html };
}
