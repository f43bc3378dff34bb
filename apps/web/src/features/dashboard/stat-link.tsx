import { Link } from 'react-router';

/** A headline number that leads to the page behind it. */
export function StatLink({ to, value, label }: { to: string; value: string; label: string }) {
  return (
    <Link to={to} className="stat">
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
    </Link>
  );
}
