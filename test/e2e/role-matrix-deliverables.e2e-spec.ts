import { DELIVERABLE_ROWS } from '../support/role-matrix/deliverable-rows';
import { checkRows, useMatrix } from '../support/role-matrix/fixture';

/** The role matrix's rows of deliverables: each role, in and out of scope (see role-matrix.e2e-spec.ts). */
describe('role matrix: deliverables', () => {
  checkRows(useMatrix(), DELIVERABLE_ROWS);
});
