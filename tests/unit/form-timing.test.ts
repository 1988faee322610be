import { describe, expect, it } from 'vitest';
import { checkFormStamp, issueFormStamp, MIN_FILL_SECONDS } from '../../app/modules/abuse/form-timing';

const secret = 'a-secret-of-at-least-thirty-two-characters';

describe('minimum fill time', () => {
  const issued = 1_800_000_000_000;
  const stamp = issueFormStamp(secret, issued);
  it('accepts a form sent after the minimum time', () => {
    expect(checkFormStamp(stamp, secret, issued + MIN_FILL_SECONDS * 1000)).toBe('ok');
  });
  it('refuses a form sent faster than a person can fill it', () => {
    expect(checkFormStamp(stamp, secret, issued + 500)).toBe('too_fast');
  });
  it.each([
    ['missing', undefined],
    ['not a stamp', 'hello'],
    ['forged time', `${issued - 60_000}.${stamp.split('.')[1]}`],
    ['other secret', issueFormStamp('another-secret-of-thirty-two-characters!', issued)],
  ])('refuses a %s stamp', (_name, value) => {
    expect(checkFormStamp(value, secret, issued + 60_000)).toBe('invalid');
  });
});
