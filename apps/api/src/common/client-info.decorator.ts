import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** What a session records about the device that signed in: shown in the sessions list. */
export interface ClientInfo {
  userAgent: string | null;
  ip: string | null;
}

/** The Host header the browser (or a reverse proxy, which keeps it) sent: an agency's address decides the workspace. */
export const RequestHost = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const host = ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers['host'];
  return typeof host === 'string' ? host : undefined;
});

export const RequestClient = createParamDecorator((_: unknown, ctx: ExecutionContext): ClientInfo => {
  const request = ctx.switchToHttp().getRequest<{ ip?: string; headers: Record<string, string | string[] | undefined> }>();
  const agent = request.headers['user-agent'];
  return { userAgent: typeof agent === 'string' ? agent.slice(0, 400) : null, ip: request.ip?.slice(0, 64) ?? null };
});
