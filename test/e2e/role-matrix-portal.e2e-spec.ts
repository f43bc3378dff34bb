import { PORTAL_ROWS } from '../support/role-matrix/portal-rows';
import { checkRows, useMatrix } from '../support/role-matrix/fixture';

/** The role matrix's rows of the portal address (custom domains): each role (see role-matrix.e2e-spec.ts). */
describe('role matrix: the portal address', () => {
  checkRows(useMatrix(), PORTAL_ROWS);
});
