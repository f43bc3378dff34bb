import { INVOICE_ROWS } from '../support/role-matrix/invoice-rows';
import { checkRows, useMatrix } from '../support/role-matrix/fixture';

/** The role matrix's rows of invoices and credit notes: each role, in and out of scope (see role-matrix.e2e-spec.ts). */
describe('role matrix: invoices and credit notes', () => {
  checkRows(useMatrix(), INVOICE_ROWS);
});
