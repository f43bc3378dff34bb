import { ACCOUNT_ROWS } from '../support/role-matrix/account-rows';
import { checkRows, useMatrix } from '../support/role-matrix/fixture';

/** The role matrix's rows of the account, the tenant and the team: each role, in and out of scope (see role-matrix.e2e-spec.ts). */
describe('role matrix: the account, the tenant and the team', () => {
  checkRows(useMatrix(), ACCOUNT_ROWS);
});
