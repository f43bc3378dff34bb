import { API_KEY_ROWS } from '../support/role-matrix/api-key-rows';
import { checkRows, useMatrix } from '../support/role-matrix/fixture';

/** The role matrix's rows of integrations' API keys: each role, in and out of scope (see role-matrix.e2e-spec.ts). */
describe('role matrix: API keys', () => {
  checkRows(useMatrix(), API_KEY_ROWS);
});
