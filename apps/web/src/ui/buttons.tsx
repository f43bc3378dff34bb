import type { ComponentPropsWithRef, ReactNode } from 'react';
import { Spinner } from './feedback';

type Variant = 'primary' | 'secondary' | 'quiet';

/**
 * A busy button stays focusable and announced (aria-disabled, not disabled), so keyboard focus is not
 * thrown away while a request runs; the click handler is the one to ignore repeats.
 */
export function Button({
  variant = 'secondary',
  pending = false,
  className,
  children,
  type = 'button',
  ...rest
}: { variant?: Variant; pending?: boolean; children: ReactNode } & ComponentPropsWithRef<'button'>) {
  return (
    <button
      type={type}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
      aria-disabled={pending || undefined}
      {...rest}
    >
      {pending ? <Spinner /> : null}
      <span>{children}</span>
    </button>
  );
}

export function SubmitButton({ children, pending, block }: { children: ReactNode; pending: boolean; block?: boolean }) {
  return (
    <Button type="submit" variant="primary" pending={pending} className={block ? 'button-block' : undefined}>
      {children}
    </Button>
  );
}
