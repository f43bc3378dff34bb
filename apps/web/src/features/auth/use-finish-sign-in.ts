import { useNavigate } from 'react-router';
import type { SignInResult } from './auth-endpoints';
import { safeNext } from './auth-endpoints';
import { useStartSession } from './use-start-session';

/** After any first factor: open the session, or go to the two-factor step with the half-way token. */
export function useFinishSignIn() {
  const startSession = useStartSession();
  const navigate = useNavigate();
  return (result: SignInResult, fallback = '/') => {
    const next = safeNext(result.next) ?? fallback;
    if (result.accessToken && result.refreshToken && result.expiresIn !== undefined) {
      startSession({ accessToken: result.accessToken, refreshToken: result.refreshToken, expiresIn: result.expiresIn }, next);
      return;
    }
    void navigate('/login/two-factor', {
      replace: true,
      state: { mfaToken: result.mfaToken, enrolment: result.mfaEnrolmentRequired === true, next },
    });
  };
}
