import { BRAND_ROWS } from '../support/role-matrix/brand-rows';
import { checkRows, useMatrix } from '../support/role-matrix/fixture';

/** The role matrix's rows of the agency's brand: each role (see role-matrix.e2e-spec.ts). */
describe('role matrix: the brand', () => {
  checkRows(useMatrix(), BRAND_ROWS);
});
