/**
 * The admin's forms about a staff member (invite, change access), validated once here: every
 * error is a message key for the field it belongs to, and forum ids must name real forums.
 */
import { z } from 'zod';
import { STAFF_ROLES } from '../../../db/schema';
import { emailAddress, singleLine } from '../submissions/submission-input';
import { INTERFACE_LOCALES } from '../taxonomy/locales';

const accessSchema = (knownForumIds: ReadonlySet<string>) =>
  z
    .object({
      role: z.enum(STAFF_ROLES, { error: 'error.required' }),
      forumScope: z.enum(['all', 'some'], { error: 'error.required' }),
      forumIds: z.array(z.string().refine((id) => knownForumIds.has(id), { error: 'error.invalid' })),
    })
    .refine((v) => v.role === 'admin' || v.forumScope === 'all' || v.forumIds.length > 0, {
      error: 'staff.team.error.noForums',
      path: ['forumIds'],
    });

export type StaffAccessInput = z.infer<ReturnType<typeof accessSchema>>;

const inviteSchema = (knownForumIds: ReadonlySet<string>) =>
  z.intersection(
    z.object({
      displayName: singleLine(200),
      email: emailAddress,
      locale: z.enum(INTERFACE_LOCALES, { error: 'error.required' }),
    }),
    accessSchema(knownForumIds),
  );

export type RawStaffForm = Record<string, string | string[] | undefined>;

export function readStaffForm(form: FormData): RawStaffForm {
  const one = (name: string) => (typeof form.get(name) === 'string' ? String(form.get(name)) : undefined);
  return {
    displayName: one('displayName'),
    email: one('email'),
    locale: one('locale'),
    role: one('role'),
    forumScope: one('forumScope'),
    forumIds: form.getAll('forumIds').filter((v): v is string => typeof v === 'string'),
  };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

function firstErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}

export function parseStaffInvite(raw: RawStaffForm, knownForumIds: ReadonlySet<string>): Parsed<z.infer<ReturnType<typeof inviteSchema>>> {
  const parsed = inviteSchema(knownForumIds).safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: firstErrors(parsed.error) };
}

export function parseStaffAccess(raw: RawStaffForm, knownForumIds: ReadonlySet<string>): Parsed<StaffAccessInput> {
  const parsed = accessSchema(knownForumIds).safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: firstErrors(parsed.error) };
}
