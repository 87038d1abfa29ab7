import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// Each process loads only what its roles need: the mailer's packages (BullMQ, nodemailer, Redis)
// come with the mailer role alone (the API uses Redis for its rate limits).

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..');

async function loadedBy(roles: string): Promise<string[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'portal-roles-'));
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', join(ROOT, 'test/support/register-ts.cjs'), join(ROOT, 'test/support/role-modules-child.ts')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          ROLES: roles,
          DATA_DIR: dataDir,
          PORT: '0',
          EVENT_STORE: 'embedded',
          READ_STORE: 'embedded',
          JWT_SECRET: 'role-modules-test-secret-of-some-length',
        },
      },
    );
    const line = stdout.split('\n').find((l) => l.startsWith('loaded '));
    if (!line) throw new Error(`the child printed no module list: ${stdout}`);
    return JSON.parse(line.slice('loaded '.length)) as string[];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe('modules a process loads for its roles', () => {
  it('an API-only process loads Nest and Fastify but neither BullMQ nor nodemailer', async () => {
    const loaded = await loadedBy('api');
    expect(loaded).toEqual(expect.arrayContaining(['@nestjs/core', 'fastify']));
    expect(loaded).not.toContain('bullmq');
    expect(loaded).not.toContain('nodemailer');
  });

  it('a projector-only process loads no HTTP framework, no Redis client and no mail packages', async () => {
    const loaded = await loadedBy('projector');
    expect(loaded).toEqual([]);
  });
});
