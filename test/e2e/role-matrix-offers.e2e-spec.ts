import { checkRows, useMatrix } from '../support/role-matrix/fixture';
import { OFFER_ROWS } from '../support/role-matrix/offer-rows';

/** The role matrix's rows of offers, follow-ups and remedy policies: each role, in and out of scope (see role-matrix.e2e-spec.ts). */
describe('role matrix: offers, follow-ups and remedy policies', () => {
  checkRows(useMatrix(), OFFER_ROWS);
});
