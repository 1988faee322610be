import { htmlDocument, oneLine, rightToLeftLines, withoutIsolates, type RenderedEmail } from './layout';
import { emailHtml, emailText } from './messages';

/**
 * Every e-mail has the same frame: greeting, the message's own blocks, signature. Each block is
 * given once as plain text and once as HTML, so both parts always say the same thing.
 */
export function composeEmail(args: {
  locale: string;
  dir: 'rtl' | 'ltr';
  subject: string;
  /** Empty when the reader's name is not known (a draft): the greeting then names no one. */
  contactName: string;
  blocks: Array<{ text: string; html: string }>;
}): RenderedEmail {
  const { locale } = args;
  const greeting = (render: typeof emailText) =>
    args.contactName ? render(locale, 'greeting', { name: args.contactName }) : render(locale, 'greetingNoName');
  const subject = withoutIsolates(oneLine(args.subject));
  const lines = [
    greeting(emailText),
    ...args.blocks.map((b) => b.text),
    [emailText(locale, 'signature'), emailText(locale, 'automated')].join('\n'),
  ].join('\n\n');
  const text = args.dir === 'rtl' ? rightToLeftLines(lines) : lines;
  const html = htmlDocument({
    locale,
    dir: args.dir,
    title: subject,
    body: [
      `<p>${greeting(emailHtml)}</p>`,
      ...args.blocks.map((b) => b.html),
      `<p style="color:#555;">${emailHtml(locale, 'signature')}<br><small>${emailHtml(locale, 'automated')}</small></p>`,
    ].join('\n'),
  });
  return { subject, text, html };
}
