import type { ReactNode } from 'react';

/** A row of headline numbers, each with its label. */
export function Figures({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="figures">
      {items.map((item) => (
        <div key={item.label} className="figure">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
