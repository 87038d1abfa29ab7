import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/free-port';
import { api } from './support/http-client';

const ROOT = join(__dirname, '..');
const ADMIN = { email: 'admin@example.com', password: 'Admin-password-1!' };

// Starting a process that compiles the sources on a busy machine takes its time.
jest.setTimeout(240_000);

/** Polls until the condition holds; fails with the description if it never does. */
async function waitFor<T>(
  description: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 180_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The node flags `npm start` gives the service's process (package.json), so this test starts it alike. */
function startScriptNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/);
  return words.slice(1, words.indexOf('-r'));
}

/**
 * What a newcomer gets from `npm start` on a machine with Node.js and nothing else: the service's
 * main in a plain node process, embedded store in DATA_DIR, no REDIS_URL (and no Redis asked for),
 * no SMTP. An invitation created through the API lands in DATA_DIR/outbox.
 */
describe('npm start with nothing but Node', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;
  let output = '';
  let stdout = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'portal-node-only-'));
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('installs no package that runs a build script (no compiler needed by npm ci)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      allowScripts?: Record<string, boolean>;
    };
    const allowed = Object.entries(pkg.allowScripts ?? {}).filter(([, allow]) => allow);
    expect(allowed).toEqual([]);
  });

  it('answers /health, writes an invitation created through the API to DATA_DIR/outbox, and logs JSON lines', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ['REDIS_URL', 'SMTP_URL', 'EVENT_STORE', 'READ_STORE', 'QUEUE_PREFIX', 'JWT_SECRET'])
      delete env[name];
    // One V8 worker thread (README, What the embedded mode needs): the service runs with it.
    const nodeFlags = startScriptNodeFlags();
    expect(nodeFlags).toEqual(['--v8-pool-size=1']);
    child = spawn(
      process.execPath,
      [
        ...nodeFlags,
        '-r',
        join(ROOT, 'test/support/register-ts.cjs'),
        join(ROOT, 'apps/api/src/main.ts'),
        '--standalone',
      ],
      {
        cwd: ROOT,
        env: {
          ...env,
          NODE_OPTIONS: '',
          NODE_ENV: 'production',
          PORT: String(port),
          DATA_DIR: dataDir,
          BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
          BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const http = api(`http://127.0.0.1:${port}`);

    await waitFor('GET /health to answer 200', async () => {
      if (child!.exitCode !== null) throw new Error(`the service exited: ${output.slice(-2000)}`);
      return (await http.get('/health')).status === 200 ? true : undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}\n${output.slice(-2000)}`);
    });

    const login = await http.post('/v1/auth/staff/login', ADMIN);
    expect(login.status).toBe(200);
    const token = login.json.accessToken as string;
    const portal = await http.post('/v1/portals', { name: 'Customers', slug: 'customers' }, { token });
    expect(portal.status).toBe(201);
    const email = 'first.customer@example.com';
    const user = await http.post(
      '/v1/portal-users',
      { email, firstName: 'First', lastName: 'Customer', portalIds: [portal.json.id], sendInvitation: true },
      { token },
    );
    expect(user.status).toBe(201);

    const outbox = join(dataDir, 'outbox');
    const eml = await waitFor('the invitation in DATA_DIR/outbox', async () => {
      if (!existsSync(outbox)) return undefined;
      for (const name of (await readdir(outbox)).filter((n) => n.endsWith('.eml'))) {
        const text = await readFile(join(outbox, name), 'utf8');
        if (text.includes(`To: ${email}`)) return text;
      }
      return undefined;
    });
    expect(eml).toContain('/portal/customers/accept-invitation?token=');
    expect(output).toMatch(/jobs queue in this process/);
    expect(output).not.toMatch(/Redis/);
    // In production every line it writes is one JSON object.
    const lines = stdout.split('\n').filter((line) => line.length > 0);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });
});
