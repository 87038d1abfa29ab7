/**
 * The stores the contract's end-to-end suites run on: always the embedded default, and a
 * PostgreSQL server too when PG_URL is set (CI sets it), so every path answers alike on both.
 */
export const E2E_STORES: ('embedded' | 'postgres')[] = process.env.PG_URL
  ? ['embedded', 'postgres']
  : ['embedded'];

if (!process.env.PG_URL) {
  console.warn('e2e on postgres skipped: PG_URL not set (running on the embedded store only)');
}
