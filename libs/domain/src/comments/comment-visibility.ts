/** Who reads a comment: the client and the team, or the team only. */
export const COMMENT_VISIBILITIES = ['client', 'internal'] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];
