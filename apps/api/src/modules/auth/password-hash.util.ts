import * as argon2 from 'argon2';

/** Set once at boot from PASSWORD_HASH_MEMORY_KIB, which the config accepts only when NODE_ENV is test. */
let testMemoryKib: number | undefined;

/** A test stack's lower argon2 memory (undefined: argon2's defaults, 64 MiB and 3 passes, as in production). */
export function usePasswordHashMemory(kib: number | undefined): void {
  testMemoryKib = kib;
}

/** argon2id; a hash records its own cost, so verifying works whatever cost made it. */
export const hashPassword = (password: string) =>
  argon2.hash(password, testMemoryKib ? { type: argon2.argon2id, memoryCost: testMemoryKib, parallelism: 1 } : { type: argon2.argon2id });
