/** Password rules, shared by the pages that state them and the code that enforces them. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

export type PasswordProblem = 'too_short' | 'too_long' | 'mismatch';

/** What is wrong with a chosen password and its repetition, if anything. */
export function passwordProblem(password: string, repeated: string): PasswordProblem | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
  if (password !== repeated) return 'mismatch';
  return undefined;
}
