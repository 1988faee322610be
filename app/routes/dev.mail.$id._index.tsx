import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireDevMailbox } from '../lib/dev-mailbox.server';
import { readCapturedMail } from '../modules/mailbox/captured-mail';

export async function loader({ params, context }: LoaderFunctionArgs) {
  const mail = await readCapturedMail(requireDevMailbox(context), params.id ?? '');
  if (!mail) throw new Response('Not found', { status: 404 });
  return {
    id: params.id!,
    subject: mail.subject ?? '',
    from: mail.from?.text ?? '',
    to: mail.to ? [mail.to].flat().map((a) => a.text).join(', ') : '',
    date: mail.date?.toISOString() ?? '',
    messageId: mail.messageId ?? '',
    language: String(mail.headers.get('content-language') ?? ''),
    text: mail.text ?? '',
    hasHtml: Boolean(mail.html),
    attachments: mail.attachments.map((a, index) => ({ index, filename: a.filename ?? `attachment-${index}`, contentType: a.contentType, size: a.size })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.subject ?? 'Mail' }];

export default function CapturedMail() {
  const m = useLoaderData<typeof loader>();
  return (
    <main id="main" className="page">
      <p><Link to="/dev/mail">All captured mail</Link></p>
      <h1 dir="auto">{m.subject}</h1>
      <dl className="facts">
        <dt>From</dt><dd><bdi>{m.from}</bdi></dd>
        <dt>To</dt><dd><bdi>{m.to}</bdi></dd>
        <dt>Date</dt><dd>{m.date}</dd>
        <dt>Message-ID</dt><dd><code>{m.messageId}</code></dd>
        <dt>Content-Language</dt><dd>{m.language}</dd>
      </dl>
      <h2>Attachments</h2>
      <ul>
        {m.attachments.map((a) => (
          <li key={a.index}><a href={`/dev/mail/${m.id}/attachments/${a.index}`}>{a.filename}</a> ({a.contentType}, {a.size} bytes)</li>
        ))}
      </ul>
      {m.hasHtml ? (
        <>
          <h2>HTML</h2>
          <p><a href={`/dev/mail/${m.id}/html`}>Open the HTML part</a></p>
          <iframe title="HTML part" className="mail-frame" sandbox="" src={`/dev/mail/${m.id}/html`} />
        </>
      ) : null}
      <h2>Plain text</h2>
      <pre className="user-text" dir="auto">{m.text}</pre>
    </main>
  );
}
