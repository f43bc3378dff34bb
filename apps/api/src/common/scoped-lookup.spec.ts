import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { scopeOf, type Actor, type Scope } from '@candor/domain';
import type { ActorScope } from './actor-scope';
import { ScopedLookup, type ScopedRows } from './scoped-lookup';
import type { TenantContext } from './tenant-context';

const actor = (role: Actor['role'], clientAccountId: string | null = null): Actor => ({
  userId: 'u',
  tenantId: 't',
  role,
  clientAccountId,
});

/** Rows that hold one id, visible to a scope when `visible` says so, recording the calls. */
function rows(visible: (scope: Scope) => boolean) {
  const calls: string[] = [];
  const repository: ScopedRows<{ id: string }> = {
    find: (_manager, scope, { id }) => {
      calls.push(`find ${id}`);
      return Promise.resolve(id === 'r1' && visible(scope) ? [{ id }] : []);
    },
    lock: (_manager, tenantId, id) => {
      calls.push(`lock ${tenantId}/${id}`);
      return Promise.resolve();
    },
  };
  return { repository, calls };
}

const lookup = new ScopedLookup(
  { manager: {} as EntityManager } as TenantContext,
  { of: (a: Actor) => Promise.resolve(scopeOf(a, [])) } as unknown as ActorScope,
);

describe('ScopedLookup', () => {
  it('finds a row in the scope and answers 404 outside it, naming the object', async () => {
    const { repository } = rows((scope) => scope.kind === 'tenant');
    await expect(lookup.visible(actor('manager'), repository, 'r1', 'Deliverable')).resolves.toEqual({ id: 'r1' });
    await expect(lookup.visible(actor('assistant'), repository, 'r1', 'Deliverable')).rejects.toThrow(
      new NotFoundException('Deliverable not found'),
    );
    await expect(lookup.visible(actor('manager'), repository, 'r2', 'Deliverable')).rejects.toThrow(NotFoundException);
  });

  it('refuses a client user a team change with 403 after the 404 check, and locks nothing', async () => {
    const { repository, calls } = rows(() => true);
    await expect(lookup.workable(actor('client_admin', 'c1'), repository, 'r1', 'Disclosure', true)).rejects.toThrow(
      new ForbiddenException('Only the team changes a disclosure'),
    );
    await expect(lookup.workable(actor('client_admin', 'c1'), repository, 'r2', 'Disclosure', true)).rejects.toThrow(NotFoundException);
    expect(calls).toEqual(['find r1', 'find r2']);
  });

  it('locks a workable row and reads it again after the lock', async () => {
    const { repository, calls } = rows(() => true);
    await expect(lookup.workable(actor('owner'), repository, 'r1', 'Deliverable', true)).resolves.toEqual({ id: 'r1' });
    expect(calls).toEqual(['find r1', 'lock t/r1', 'find r1']);
    calls.length = 0;
    await lookup.workable(actor('owner'), repository, 'r1', 'Deliverable', false);
    expect(calls).toEqual(['find r1']);
  });
});
