/** Signing in with a password and signing out. Types come from the generated schema. */
import { api, unwrap, unwrapVoid } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export interface LoginInput {
  email: string;
  password: string;
  /** Optional: only needed when the email belongs to several workspaces. */
  tenantSlug?: string;
}

export function login(input: LoginInput) {
  const tenantSlug = input.tenantSlug?.trim();
  return unwrap(
    api.POST('/api/v1/auth/login', {
      body: { email: input.email.trim(), password: input.password, ...(tenantSlug ? { tenantSlug } : {}) },
    }),
  );
}

export function logout(refreshToken: string) {
  return unwrapVoid(api.POST('/api/v1/auth/logout', { body: { refreshToken } }));
}

export type TokenPairResponse = components['schemas']['TokenPairResponse'];
