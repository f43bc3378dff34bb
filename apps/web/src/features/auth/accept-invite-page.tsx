import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Card, ErrorAlert, Field, LoadingCard, SubmitButton } from '../../app/ui';
import {
  acceptInvitation,
  errorMessages,
  lookupInvitation,
  type AcceptInvitationInput,
  type InvitationLookup,
} from '../../lib/api';
import { roleWithArticle } from '../../lib/roles';
import { useStartSession } from './use-start-session';

export const MIN_PASSWORD_LENGTH = 12;

function formatExpiry(iso: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

function InvitationProblem({ messages }: { messages: string[] }) {
  return (
    <Card
      title="This invitation can't be used"
      description="Ask the person who invited you to send a new invitation link."
    >
      <title>Invitation unavailable · Candor</title>
      <ErrorAlert messages={messages} />
      <p className="card-actions">
        <Link to="/login" className="button button-secondary">
          Go to sign in
        </Link>
      </p>
    </Card>
  );
}

function AcceptForm({ tenantId, token, invitation }: { tenantId: string; token: string; invitation: InvitationLookup }) {
  const startSession = useStartSession();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [checked, setChecked] = useState(false);

  const accept = useMutation({
    mutationFn: (input: AcceptInvitationInput) => acceptInvitation(input),
    onSuccess: (tokens) => startSession(tokens),
  });

  const nameMissing = !displayName.trim();
  const passwordTooShort = password.length < MIN_PASSWORD_LENGTH;
  const mismatch = confirm !== password;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (accept.isPending) return;
    const found: string[] = [];
    if (nameMissing) found.push('Enter your name.');
    if (passwordTooShort) found.push(`Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
    else if (mismatch) found.push("The two passwords don't match.");
    setChecked(true);
    setProblems(found);
    if (found.length > 0) return;
    accept.mutate({ tenantId, token, displayName, password });
  };

  const messages = problems.length > 0 ? problems : accept.isError ? errorMessages(accept.error) : [];
  const expiry = formatExpiry(invitation.expiresAt);

  return (
    <Card
      title={<>Join {invitation.tenantName}</>}
      description={
        <p>
          You've been invited as {roleWithArticle(invitation.role)}
          {invitation.clientName ? (
            <>
              {' '}
              for <strong>{invitation.clientName}</strong>
            </>
          ) : null}
          . Set up your account to get started.
        </p>
      }
    >
      <title>{`Join ${invitation.tenantName} · Candor`}</title>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorAlert messages={messages} />
        <Field label="Email" type="email" name="email" autoComplete="username" value={invitation.email} readOnly />
        <Field
          label="Your name"
          type="text"
          name="displayName"
          autoComplete="name"
          required
          autoFocus
          value={displayName}
          invalid={checked && nameMissing}
          hint="This is how your agency and teammates will see you."
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          value={password}
          invalid={checked && passwordTooShort}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A short sentence works well.`}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Field
          label="Confirm password"
          type="password"
          name="confirmPassword"
          autoComplete="new-password"
          required
          value={confirm}
          invalid={checked && !passwordTooShort && mismatch}
          onChange={(event) => setConfirm(event.target.value)}
        />
        <SubmitButton pending={accept.isPending}>Accept invitation</SubmitButton>
      </form>
      {expiry ? <p className="card-footnote">This invitation expires on {expiry}.</p> : null}
    </Card>
  );
}

export function AcceptInvitePage() {
  const [params] = useSearchParams();
  const tenantId = params.get('tenant')?.trim() ?? '';
  const token = params.get('token')?.trim() ?? '';
  const complete = tenantId !== '' && token !== '';

  const lookup = useQuery({
    queryKey: ['invitation', tenantId, token],
    queryFn: () => lookupInvitation(tenantId, token),
    enabled: complete,
    staleTime: Infinity,
  });

  if (!complete) {
    return (
      <InvitationProblem
        messages={['This invitation link is incomplete. Open the link from your invitation email again.']}
      />
    );
  }
  if (lookup.isPending) return <LoadingCard label="Checking your invitation…" />;
  if (lookup.isError) return <InvitationProblem messages={errorMessages(lookup.error)} />;
  return <AcceptForm tenantId={tenantId} token={token} invitation={lookup.data} />;
}
