import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'info' | 'waiting' | 'success' | 'danger';

/** A short status word with a colour that repeats its meaning (never colour alone: the word is always there). */
export function StatusBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
