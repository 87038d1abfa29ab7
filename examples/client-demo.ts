import { createPortalApiClient } from '@portal/client';

/**
 * The generated client against a running service (`npm start`):
 *   API_URL=http://localhost:3000 ADMIN_EMAIL=… ADMIN_PASSWORD=… \
 *   PORTAL_SLUG=customers PORTAL_EMAIL=… PORTAL_PASSWORD=… \
 *   node -r ./test/support/register-ts.cjs examples/client-demo.ts
 * Staff login, a page of cases, a portal user's login and /me, all typed from the OpenAPI document.
 */
function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name}`);
  return value;
}

async function main(): Promise<void> {
  const api = createPortalApiClient(process.env.API_URL ?? 'http://localhost:3000');

  const staff = await api.POST('/v1/auth/staff/login', {
    body: { email: env('ADMIN_EMAIL'), password: env('ADMIN_PASSWORD') },
  });
  if (!staff.data) throw new Error(`staff login: ${staff.response.status} ${staff.error?.detail}`);
  const staffAuth = { Authorization: `Bearer ${staff.data.accessToken}` };
  console.log(`staff token, valid ${staff.data.expiresIn} s`);

  const cases = await api.GET('/v1/records/{entityType}', {
    params: {
      path: { entityType: 'Case' },
      query: { page: 1, perPage: 5, sort: 'createdAt', order: 'desc' },
    },
    headers: staffAuth,
  });
  if (!cases.data) throw new Error(`list cases: ${cases.response.status} ${cases.error?.detail}`);
  console.log(`cases: ${cases.data.total} in all; page ${cases.data.page}, ${cases.data.perPage} per page:`);
  for (const item of cases.data.items)
    console.log(`  ${item.id} ${String(item.name)} (by ${item.createdBy.name})`);

  const slug = env('PORTAL_SLUG');
  const login = await api.POST('/v1/portals/{slug}/auth/login', {
    params: { path: { slug } },
    body: { email: env('PORTAL_EMAIL'), password: env('PORTAL_PASSWORD') },
  });
  if (!login.data) throw new Error(`portal login: ${login.response.status} ${login.error?.detail}`);

  const me = await api.GET('/v1/portals/{slug}/me', {
    params: { path: { slug } },
    headers: { Authorization: `Bearer ${login.data.accessToken}` },
  });
  if (!me.data) throw new Error(`/me: ${me.response.status} ${me.error?.detail}`);
  const caseScope = me.data.permissions.scopes.Case;
  console.log(
    `portal user ${me.data.firstName} ${me.data.lastName} <${me.data.email}> in ${me.data.portal.name}; ` +
      `Case read level: ${caseScope?.read.level ?? 'no'}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
