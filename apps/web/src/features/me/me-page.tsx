import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Card, ErrorAlert, LoadingCard } from '../../app/ui';
import { errorMessages, getMe, logout } from '../../lib/api';
import { roleLabel } from '../../lib/roles';
import { session } from '../../lib/session';

function SignOutButton() {
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: async () => {
      const refreshToken = session.get()?.refreshToken;
      // Revoke the refresh token if we can; signing out locally must work even when the API can't be reached.
      if (refreshToken) await logout(refreshToken).catch(() => undefined);
    },
    onSettled: () => {
      session.clear();
      navigate('/login', { replace: true });
    },
  });
  return (
    <button
      type="button"
      className="button button-secondary"
      aria-disabled={signOut.isPending || undefined}
      onClick={() => {
        if (!signOut.isPending) signOut.mutate();
      }}
    >
      Sign out
    </button>
  );
}

export function MePage() {
  const me = useQuery({ queryKey: ['me'], queryFn: getMe });

  if (me.isPending) return <LoadingCard label="Loading your account…" />;

  if (me.isError) {
    return (
      <Card title="We couldn't load your account">
        <title>Candor</title>
        <ErrorAlert messages={errorMessages(me.error)} />
        <div className="card-actions">
          <button type="button" className="button button-primary" onClick={() => void me.refetch()}>
            Try again
          </button>
          <SignOutButton />
        </div>
      </Card>
    );
  }

  const { user, tenant, role } = me.data;
  return (
    <Card
      title={`Welcome, ${user.displayName}`}
      description={
        <p>
          Signed in as <strong>{user.displayName}</strong> ({user.email})
        </p>
      }
    >
      <title>{`${tenant.name} · Candor`}</title>
      <dl className="details">
        <div className="details-row">
          <dt>Workspace</dt>
          <dd>{tenant.name}</dd>
        </div>
        <div className="details-row">
          <dt>Your role</dt>
          <dd>
            <span className="badge" data-testid="role" data-role={role}>
              {roleLabel(role)}
            </span>
          </dd>
        </div>
      </dl>
      <div className="card-actions">
        <SignOutButton />
      </div>
    </Card>
  );
}
