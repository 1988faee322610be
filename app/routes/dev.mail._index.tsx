import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireDevMailbox } from '../lib/dev-mailbox.server';
import { readAllCapturedMail } from '../modules/mailbox/captured-mail';

/** Development only: every message the capture mailbox received, newest first. */
export async function loader({ context }: LoaderFunctionArgs) {
  const mails = await readAllCapturedMail(requireDevMailbox(context));
  return {
    mails: mails.slice(0, 200).map((m) => ({
      id: m.id,
      to: m.to ? [m.to].flat().map((a) => a.text).join(', ') : '',
      subject: m.subject ?? '',
      date: m.date?.toISOString() ?? '',
      attachments: m.attachments.length,
    })),
  };
}

export const meta: MetaFunction = () => [{ title: 'Captured mail (development)' }];

export default function CapturedMailList() {
  const { mails } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="page">
      <h1>Captured mail (development)</h1>
      <p className="notice">Messages sent by the portal while it runs without SMTP_URL. Nothing here left this machine.</p>
      {mails.length === 0 ? <p>No mail yet.</p> : null}
      <table>
        <thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Attachments</th></tr></thead>
        <tbody>
          {mails.map((m) => (
            <tr key={m.id}>
              <td>{m.date}</td>
              <td><bdi>{m.to}</bdi></td>
              <td dir="auto"><Link to={`/dev/mail/${m.id}`}>{m.subject}</Link></td>
              <td>{m.attachments}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
