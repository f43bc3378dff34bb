import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Action, Actor, SubjectName } from '@candor/domain';

export const PUBLIC_ROUTE = 'candor:public';
export const POLICY = 'candor:policy';

export interface PolicyRule {
  action: Action;
  subject: SubjectName;
}

/** Marks a route reachable without a token (sign-up, login, invitation acceptance, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The rule a caller's ability must satisfy; every non-public route needs one. */
export const Policy = (action: Action, subject: SubjectName) => SetMetadata(POLICY, { action, subject } satisfies PolicyRule);

/** The authenticated actor, as the JWT strategy decoded it. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});
