import { Algorithm, hash, verify } from '@node-rs/argon2';

/** argon2id with the OWASP minimums (19 MiB, 2 passes); parameters are kept in the hash string, so they can rise later. */
const PARAMS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const MIN_PASSWORD_LENGTH = 12;

/** Why a new password is refused, or null. Length over composition rules (NIST SP 800-63B). */
export function passwordProblem(password: string, userId: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符 / a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if ([...password].length > 256) return '密码过长 / the password is longer than 256 characters';
  if (password.toLowerCase().includes(userId.toLowerCase())) return '密码不得包含账号 / the password must not contain the user id';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Spent on unknown accounts too, so timing does not tell which accounts exist. */
let dummy: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('not-a-real-password-0000');
  await verifyPassword(await dummy, password);
}
