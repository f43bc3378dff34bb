import { WEBHOOK_ROWS } from '../support/role-matrix/webhooks-rows';
import { checkRows, useMatrix } from '../support/role-matrix/fixture';

/** The role matrix's rows of webhook endpoints: each role, in and out of scope (see role-matrix.e2e-spec.ts). */
describe('role matrix: webhook endpoints', () => {
  checkRows(useMatrix(), WEBHOOK_ROWS);
});
