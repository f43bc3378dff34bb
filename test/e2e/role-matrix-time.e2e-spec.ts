import { TIME_ROWS } from '../support/role-matrix/time-rows';
import { checkRows, useMatrix } from '../support/role-matrix/fixture';

/** The role matrix's rows of engagements and time: each role, in and out of scope (see role-matrix.e2e-spec.ts). */
describe('role matrix: engagements and time', () => {
  checkRows(useMatrix(), TIME_ROWS);
});
