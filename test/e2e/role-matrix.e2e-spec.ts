import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { Role } from '@candor/domain';
import { POLICY, PUBLIC_ROUTE } from '../../apps/api/src/common/access.decorators';
import { ACCOUNT_ROWS } from '../support/role-matrix/account-rows';
import { BRAND_ROWS } from '../support/role-matrix/brand-rows';
import { API_KEY_ROWS } from '../support/role-matrix/api-key-rows';
import { DELIVERABLE_ROWS } from '../support/role-matrix/deliverable-rows';
import { DISCLOSURE_ROWS } from '../support/role-matrix/disclosure-rows';
import { INVOICE_ROWS } from '../support/role-matrix/invoice-rows';
import { useMatrix } from '../support/role-matrix/fixture';
import { TARGETS, type Objects } from '../support/role-matrix/matrix';
import { OFFER_ROWS } from '../support/role-matrix/offer-rows';
import { PORTAL_ROWS } from '../support/role-matrix/portal-rows';
import { CLIENT_SCOPED, UNSCOPED, inScope } from '../support/role-matrix/scope';
import { TIME_ROWS } from '../support/role-matrix/time-rows';
import { WEBHOOK_ROWS } from '../support/role-matrix/webhooks-rows';

/**
 * The role matrix: every authenticated route against every role and scope. Its rows live in
 * test/support/role-matrix/*-rows.ts by topic, each checked by its own spec (role-matrix-<topic>);
 * this one checks the lists and that the rows cover every route. A new route gets a row there.
 */
const MATRIX = [
  ...ACCOUNT_ROWS,
  ...TIME_ROWS,
  ...DISCLOSURE_ROWS,
  ...OFFER_ROWS,
  ...DELIVERABLE_ROWS,
  ...BRAND_ROWS,
  ...WEBHOOK_ROWS,
  ...API_KEY_ROWS,
  ...INVOICE_ROWS,
  ...PORTAL_ROWS,
];

describe('role matrix: lists and coverage', () => {
  const matrix = useMatrix();

  /** Each list, filtered to one target's engagement (or unfiltered), and the ids it must or must not hold; run first, while the lists are short. */
  const LISTS: { name: string; path: (o: Objects) => string; id: (o: Objects) => string; object: 'engagement' | 'client' }[] = [
    { name: 'GET /engagements', path: () => '/api/v1/engagements', id: (o) => o.engagementId, object: 'engagement' },
    { name: 'GET /client-accounts', path: () => '/api/v1/client-accounts', id: (o) => o.clientId, object: 'client' },
    {
      name: 'GET /work-logs',
      path: (o) => `/api/v1/work-logs?engagementId=${o.engagementId}`,
      id: (o) => o.workLogId,
      object: 'engagement',
    },
    {
      name: 'GET /work-logs (drafts)',
      path: (o) => `/api/v1/work-logs?status=draft&engagementId=${o.engagementId}`,
      id: (o) => o.draftLogId,
      object: 'engagement',
    },
    {
      name: 'GET /timesheet-weeks',
      path: (o) => `/api/v1/timesheet-weeks?engagementId=${o.engagementId}`,
      id: (o) => o.weekId,
      object: 'engagement',
    },
    {
      name: 'GET /disclosures',
      path: (o) => `/api/v1/disclosures?engagementId=${o.engagementId}`,
      id: (o) => o.disclosureId,
      object: 'engagement',
    },
    {
      name: 'GET /deliverables',
      path: (o) => `/api/v1/deliverables?engagementId=${o.engagementId}`,
      id: (o) => o.deliverableId,
      object: 'engagement',
    },
    {
      name: 'GET /client-accounts/:own/credits',
      path: () => `/api/v1/client-accounts/${matrix.objects.assigned.clientId}/credits`,
      id: (o) => o.disclosureId,
      object: 'engagement',
    },
    {
      name: 'GET /client-accounts/:own/service-record',
      path: () => `/api/v1/client-accounts/${matrix.objects.assigned.clientId}/service-record`,
      id: (o) => o.disclosureId,
      object: 'engagement',
    },
  ];
  for (const list of LISTS) {
    for (const role of ['owner', 'manager', 'assistant', 'client_admin', 'client_member'] as Role[]) {
      it(`${list.name} as ${role} lists exactly what is in scope`, async () => {
        const seen: Record<string, boolean> = {};
        const want: Record<string, boolean> = {};
        for (const target of TARGETS) {
          const response = await matrix.stack.api.get(list.path(matrix.objects[target]), matrix.tokens[role]);
          const text = response.status === 200 ? JSON.stringify(response.body) : '';
          seen[target] = text.includes(list.id(matrix.objects[target]));
          // Credits and the service record are of the matrix's own client account: the other client's never shows there.
          const onOwnAccount = list.name.startsWith('GET /client-accounts/:own/');
          want[target] = onOwnAccount && target === 'other_client' ? false : inScope(role, target, list.object);
          // A client user never sees a draft, whoever wrote it.
          if (list.name.endsWith('(drafts)') && (role === 'client_admin' || role === 'client_member')) want[target] = false;
        }
        expect(seen).toEqual(want);
      });
    }
  }

  it('has a rule or a public mark on every route, and the matrix covers every authenticated route', () => {
    const container = matrix.stack.app.get(ModulesContainer);
    const authenticated: string[] = [];
    for (const module of container.values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
        if (!controller?.prototype) continue;
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = controller.prototype[name];
          if (name === 'constructor' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          const isPublic = Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, controller);
          const rule = Reflect.getMetadata(POLICY, handler) ?? Reflect.getMetadata(POLICY, controller);
          expect({ route: `${controller.name}.${name}`, guarded: Boolean(isPublic || rule) }).toEqual({
            route: `${controller.name}.${name}`,
            guarded: true,
          });
          if (!isPublic) {
            const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
            const sub = String(Reflect.getMetadata(PATH_METADATA, handler)).replace(/^\/$/, '');
            const base = String(Reflect.getMetadata(PATH_METADATA, controller)).replace(/^\/$/, '');
            authenticated.push(`${method} /${[base, sub].filter(Boolean).join('/').replace(':id', ':own')}`);
          }
        }
      }
    }
    const covered = new Set(MATRIX.map((row) => row.name.replace(/ \(.*\)$/, '')));
    // A misspelt name here would quietly take a row out of the scope checks.
    const names = new Set(MATRIX.map((row) => row.name));
    expect([...UNSCOPED, ...CLIENT_SCOPED].filter((name) => !names.has(name))).toEqual([]);
    expect(authenticated.filter((route) => !covered.has(route))).toEqual([]);
  });
});
