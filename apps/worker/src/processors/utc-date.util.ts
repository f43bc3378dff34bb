/** How dates read in sweep emails, the same in every locale: `2026-10-19 08:30 UTC`. */
export const formatUtc = (at: Date): string => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
