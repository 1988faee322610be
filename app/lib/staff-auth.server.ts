/**
 * Who is asking on the staff side, and whether they may. Every staff loader calls requireStaff
 * (or requireAdmin); every staff action reads its form with requireStaffForm, which also checks
 * the form's CSRF token. The token is an HMAC of the session token under the server secret: it
 * is worthless without the session, dies with it, and needs no storage.
 */
import { redirect, type AppLoadContext } from '@remix-run/node';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readStaffSession, type StaffMember, type StaffSession } from '../modules/staff/staff-sessions';
import { DEFAULT_LOCALE, isInterfaceLocale } from '../modules/taxonomy/locales';
import type { MessageKey } from '../i18n/translate';
import { statusPage } from './message-page.server';
import { requireSmallForm } from './read-form.server';

export type { StaffMember };

async function sessionToken(request: Request, context: AppLoadContext): Promise<string | undefined> {
  const token = await context.cookies.staffSession.parse(request.headers.get('Cookie'));
  return typeof token === 'string' && token.length > 0 && token.length <= 128 ? token : undefined;
}

export { sessionToken };

/** The live session of this request at whatever stage of signing in, with its token. */
export async function currentStaffSession(request: Request, context: AppLoadContext): Promise<(StaffSession & { token: string }) | undefined> {
  const token = await sessionToken(request, context);
  const session = token ? await readStaffSession(context.db, token) : undefined;
  return session && token ? { ...session, token } : undefined;
}

export async function optionalStaff(request: Request, context: AppLoadContext): Promise<StaffMember | undefined> {
  const session = await currentStaffSession(request, context);
  return session?.stage === 'signed_in' ? session.staff : undefined;
}

/**
 * The signed-in staff member, or a redirect: to the step of signing in the session is at, or to
 * the sign-in page of the same language.
 */
export async function requireStaff(request: Request, context: AppLoadContext, lang: string): Promise<StaffMember> {
  const session = await currentStaffSession(request, context);
  if (session?.stage === 'signed_in') return session.staff;
  throw redirect(session ? signInStepPath(lang, session.stage) : `/${lang}/staff/login`);
}

/**
 * A 403 that says why in the page's language: a page's error boundary shows it by its status, and
 * a download (a file, a book) answers this page itself.
 */
const forbidden = (lang: string, body: MessageKey = 'forbidden.body') =>
  statusPage(isInterfaceLocale(lang) ? lang : DEFAULT_LOCALE, 403, { body, back: { href: `/${lang}/staff`, label: 'nav.staff' } });

/**
 * An admin, or a 403 for other staff (moderators decide on inputs; only admins change forums and
 * staff). Signed-out visitors are sent to sign in, as on every staff page.
 */
export async function requireAdmin(request: Request, context: AppLoadContext, lang: string): Promise<StaffMember> {
  const staff = await requireStaff(request, context, lang);
  if (staff.role !== 'admin') throw forbidden(lang);
  return staff;
}

/** Whether this person may moderate inputs to the forum. */
export function mayModerate(staff: StaffMember, forumId: string): boolean {
  return staff.forums === 'all' || staff.forums.includes(forumId);
}

/** A 403 unless this person may moderate inputs to the forum. */
export function requireForumAccess(staff: StaffMember, forumId: string, lang: string): void {
  if (!mayModerate(staff, forumId)) throw forbidden(lang, 'forbidden.forum.body');
}

export function csrfTokenFor(context: AppLoadContext, sessionToken: string): string {
  return createHmac('sha256', context.env.SESSION_SECRET).update(`staff-csrf:${sessionToken}`).digest('base64url');
}

function csrfMatches(context: AppLoadContext, token: string, sent: FormDataEntryValue | null): boolean {
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(context, token));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The form of a staff action, after checking who sends it (signed in; an admin when `admin`) and
 * that it carries this session's CSRF token: a 403 otherwise, before anything is changed.
 */
export async function requireStaffForm(
  request: Request,
  context: AppLoadContext,
  lang: string,
  options: { admin?: boolean; maxBytes?: number } = {},
): Promise<{ staff: StaffMember; form: FormData }> {
  const staff = options.admin ? await requireAdmin(request, context, lang) : await requireStaff(request, context, lang);
  const form = await requireSmallForm(request, options.maxBytes, lang);
  const token = await sessionToken(request, context);
  if (!token || !csrfMatches(context, token, form.get('csrf'))) throw forbidden(lang, 'forbidden.form.body');
  return { staff, form };
}

/** For forms whose session may not be a full one yet (the steps of signing in, signing out). */
export async function requireSignInStepForm(request: Request, context: AppLoadContext, session: { token: string }, lang: string): Promise<FormData> {
  const form = await requireSmallForm(request, undefined, lang);
  if (!csrfMatches(context, session.token, form.get('csrf'))) throw forbidden(lang, 'forbidden.form.body');
  return form;
}

/** Redirects with the cookie of a newly started session (sign-in, or its next step). */
export async function redirectWithSession(context: AppLoadContext, to: string, session: { token: string; expiresAt: Date }): Promise<Response> {
  return redirect(to, { headers: { 'Set-Cookie': await context.cookies.staffSession.serialize(session.token, { expires: session.expiresAt }) } });
}

/** Where each step of signing in continues. */
export function signInStepPath(lang: string, stage: 'signed_in' | 'second_factor' | 'totp_setup'): string {
  if (stage === 'second_factor') return `/${lang}/staff/login/code`;
  if (stage === 'totp_setup') return `/${lang}/staff/account/two-factor`;
  return `/${lang}/staff`;
}
