import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { logout } from '../../features/auth/auth-endpoints';
import { session } from '../../lib/session';
import { Button } from '../../ui';

export function SignOutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: async () => {
      const refreshToken = session.get()?.refreshToken;
      // Revoke the refresh token if we can; signing out locally must work even when the API can't be reached.
      if (refreshToken) await logout(refreshToken).catch(() => undefined);
    },
    onSettled: () => {
      session.clear();
      void navigate('/login', { replace: true });
    },
  });
  return (
    <Button
      variant="quiet"
      className="sign-out"
      pending={signOut.isPending}
      onClick={() => {
        if (!signOut.isPending) signOut.mutate();
      }}
    >
      {t('shell.signOut')}
    </Button>
  );
}
