/**
 * Password policy (OWASP ASVS 5.0 level 2): 8 to 128 characters, any characters allowed,
 * and none of the passwords most often found in breaches.
 */
export const passwordMinLength = 8;
export const passwordMaxLength = 128;

// The most common passwords of at least eight characters in public breach corpora.
const commonPasswords = new Set([
  '12345678',
  '123456789',
  '1234567890',
  '12345678910',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'qwertyuiop',
  'qwerty123',
  'qwerty12345',
  '1q2w3e4r',
  '1q2w3e4r5t',
  '1qaz2wsx',
  'iloveyou',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'welcome1',
  'welcome123',
  'abc12345',
  'abcd1234',
  'admin123',
  'administrator',
  'letmein1',
  'trustno1',
  'superman',
  'starwars',
  'michelle',
  'jennifer',
  'computer',
  'whatever',
  'dragon123',
  'master123',
  'monkey123',
  'shadow123',
  'football1',
  '11111111',
  '00000000',
  '88888888',
  '66666666',
  '87654321',
  '99999999',
  '12341234',
  '123123123',
  '123qweasd',
  'qweasdzxc',
  'zaq12wsx',
  'q1w2e3r4',
  'q1w2e3r4t5',
  'asdfghjkl',
  'zxcvbnm1',
  'aa123456',
  'a1234567',
  'a12345678',
  'password!',
  'p@ssw0rd',
  'changeme',
  'changeme1',
  'default1',
  'internet',
  'mustang1',
  'woaini1314',
  '5201314520',
  'qwer1234',
  'asdf1234',
  'zxcv1234',
  'iloveyou1',
  'lovelove',
  'йцукенгш',
  'пароль123',
  'qwertyui',
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < passwordMinLength) return 'too_short';
  if (length > passwordMaxLength) return 'too_long';
  if (commonPasswords.has(password.toLowerCase())) return 'too_common';
  return null;
}
