import { DISCLOSURE_ROWS } from '../support/role-matrix/disclosure-rows';
import { checkRows, useMatrix } from '../support/role-matrix/fixture';

/** The role matrix's rows of disclosures: each role, in and out of scope (see role-matrix.e2e-spec.ts). */
describe('role matrix: disclosures', () => {
  checkRows(useMatrix(), DISCLOSURE_ROWS);
});
