// Started by role-modules.e2e-spec.ts in a plain node process: starts the roles named in ROLES on
// in-memory embedded stores, prints which of the heavy packages the process has loaded, and stops.
import 'reflect-metadata';
import { loadServiceConfig } from '@portal/platform';
import { startService } from '@portal/runtime';

const WATCHED = ['bullmq', 'nodemailer', 'ioredis', '@nestjs/core', 'fastify'];

async function main(): Promise<void> {
  const roles = (process.env.ROLES ?? '').split(',');
  const config = loadServiceConfig();
  // The API app is loaded only for the API role, as its main does.
  const api = roles.includes('api')
    ? (await import('../../apps/api/src/create-api-app')).createApiApp
    : undefined;
  const service = await startService(config, {
    parts: {
      api,
      projector: roles.includes('projector'),
    },
    inMemory: true,
    host: '127.0.0.1',
    apiLogger: false,
  });
  const loaded = WATCHED.filter((name) =>
    Object.keys(require.cache).some((file) => file.includes(`/node_modules/${name}/`)),
  );
  await service.close();
  process.stdout.write(`loaded ${JSON.stringify(loaded)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
