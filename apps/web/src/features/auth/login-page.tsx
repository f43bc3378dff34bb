import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Card, ErrorAlert, Field, SubmitButton } from '../../app/ui';
import { errorMessages, login, type LoginInput } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useStartSession } from './use-start-session';

/** Only same-app paths are valid return targets (never an external URL). */
function returnTarget(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function LoginPage() {
  const current = useSession();
  const location = useLocation();
  const startSession = useStartSession();
  const target = returnTarget(location.state);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [workspace, setWorkspace] = useState('');
  const [problems, setProblems] = useState<string[]>([]);

  const signIn = useMutation({
    mutationFn: (input: LoginInput) => login(input),
    onSuccess: (tokens) => startSession(tokens, target),
  });

  if (current && !signIn.isPending && !signIn.isSuccess) return <Navigate to={target} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signIn.isPending) return;
    const missing: string[] = [];
    if (!email.trim()) missing.push('Enter your email address.');
    if (!password) missing.push('Enter your password.');
    setProblems(missing);
    if (missing.length > 0) return;
    signIn.mutate({ email, password, tenantSlug: workspace });
  };

  const messages = problems.length > 0 ? problems : signIn.isError ? errorMessages(signIn.error) : [];

  return (
    <Card title="Sign in to Candor" description="Welcome back. Sign in to see your work, requests and updates.">
      <title>Sign in · Candor</title>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorAlert messages={messages} />
        <Field
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          value={email}
          invalid={problems.length > 0 && !email.trim()}
          onChange={(event) => setEmail(event.target.value)}
        />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          invalid={problems.length > 0 && !password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Field
          label={
            <>
              Workspace <span className="field-optional">(optional)</span>
            </>
          }
          type="text"
          name="workspace"
          autoComplete="organization"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="e.g. brightdesk"
          hint="Only needed if your email belongs to more than one workspace."
          value={workspace}
          onChange={(event) => setWorkspace(event.target.value)}
        />
        <SubmitButton pending={signIn.isPending}>Sign in</SubmitButton>
      </form>
      <p className="card-footnote">
        New here? Your agency will email you an invitation to join their workspace.
      </p>
    </Card>
  );
}
