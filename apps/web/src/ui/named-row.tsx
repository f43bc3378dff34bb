import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A list row led by the name's initial: the name links to its page, a line of facts under it, one fact aside. */
export function NamedRow({ name, to, meta, aside }: { name: string; to: string; meta: ReactNode; aside: ReactNode }) {
  return (
    <li className="list-row">
      <span className="avatar" aria-hidden="true">
        {name.trim().charAt(0).toUpperCase()}
      </span>
      <div className="list-main">
        <Link to={to} className="list-title">
          {name}
        </Link>
        <p className="list-meta">{meta}</p>
      </div>
      <p className="list-aside">{aside}</p>
    </li>
  );
}
