/** The sign-in, sign-up and account-security calls (types from the generated schema). */
import { api, unwrap, unwrapVoid } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type SignInResult = components['schemas']['SignInResponse'];
export type SignUpInput = components['schemas']['SignUpDto'];
export type SessionInfo = components['schemas']['SessionResponse'];

export const signUp = (body: SignUpInput) => unwrap(api.POST('/api/v1/auth/signup', { body }));
export const confirmEmail = (token: string) => unwrap(api.POST('/api/v1/auth/confirm-email', { body: { token } }));
export const requestPasswordReset = (email: string) => unwrap(api.POST('/api/v1/auth/password-reset', { body: { email: email.trim() } }));
export const resetPassword = (token: string, password: string) =>
  unwrapVoid(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } }));
export const confirmEmailChange = (token: string) => unwrapVoid(api.POST('/api/v1/auth/email-change/confirm', { body: { token } }));

export const requestMagicLink = (body: { email: string; browserKey: string; next?: string }) =>
  unwrap(api.POST('/api/v1/auth/magic-link', { body: { ...body, email: body.email.trim() } }));
export const redeemMagicLink = (token: string) => unwrap(api.POST('/api/v1/auth/magic-link/redeem', { body: { token } }));
export const redeemMagicCode = (body: { challengeId: string; browserKey: string; code: string }) =>
  unwrap(api.POST('/api/v1/auth/magic-link/code', { body }));

export const setupTwoFactorAtSignIn = (mfaToken: string) => unwrap(api.POST('/api/v1/auth/two-factor/setup', { body: { mfaToken } }));
export const verifyTwoFactor = (body: { mfaToken: string; code?: string; recoveryCode?: string }) =>
  unwrap(api.POST('/api/v1/auth/two-factor/verify', { body }));

export const listSessions = () => unwrap(api.GET('/api/v1/me/sessions'));
export const revokeSession = (id: string) => unwrapVoid(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } }));
export const changePassword = (currentPassword: string, newPassword: string) =>
  unwrapVoid(api.POST('/api/v1/me/password', { body: { currentPassword, newPassword } }));
export const changeEmail = (newEmail: string, currentPassword: string) =>
  unwrap(api.POST('/api/v1/me/email', { body: { newEmail: newEmail.trim(), currentPassword } }));
export const twoFactorStatus = () => unwrap(api.GET('/api/v1/me/two-factor'));
export const setupTwoFactor = () => unwrap(api.POST('/api/v1/me/two-factor/setup'));
export const enableTwoFactor = (code: string) => unwrap(api.POST('/api/v1/me/two-factor/enable', { body: { code } }));
export const disableTwoFactor = (currentPassword: string) =>
  unwrapVoid(api.POST('/api/v1/me/two-factor/disable', { body: { currentPassword } }));

/** A random key this browser keeps while it waits for an emailed code: the code works only with it. */
export function browserKey(): string {
  const stored = sessionStorage.getItem('candor.browserKey');
  if (stored) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const key = btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, (c) => ({ '+': '-', '/': '_', '=': '' })[c] ?? '');
  sessionStorage.setItem('candor.browserKey', key);
  return key;
}

/** Only same-app paths are valid places to land (never an external URL). */
export function safeNext(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

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
