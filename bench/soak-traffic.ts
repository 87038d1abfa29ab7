// The soak's traffic (bench/soak.ts, bench/soak-growth.ts): a busy portal's mix of requests by 10
// portal users on 3 accounts and staff, each request timed and its status kept.
import type { SoakSetup } from './email-service';

export type Kind =
  | 'portal list'
  | 'portal case'
  | 'me'
  | 'dashboard'
  | 'comments'
  | 'create case'
  | 'comment'
  | 'follow'
  | 'login'
  | 'logout'
  | 'staff status'
  | 'staff list';

/** Shares of the traffic, per 100 requests (login and logout come in pairs). */
export const MIX: [Kind, number][] = [
  ['portal list', 22],
  ['portal case', 15],
  ['me', 10],
  ['dashboard', 8],
  ['comments', 6],
  ['create case', 7],
  ['comment', 7],
  ['follow', 3],
  ['login', 4],
  ['staff status', 12],
  ['staff list', 6],
];

export interface Sample {
  kind: Kind;
  ms: number;
  status: number;
  at: number;
}

export class Traffic {
  private readonly casesByAccount: string[][];
  readonly created: { id: string; position: number }[] = [];
  readonly comments: { caseId: string; id: string }[] = [];
  readonly samples: Sample[] = [];
  inFlight = 0;
  skipped = 0;
  private position = 0;

  constructor(
    private readonly url: string,
    private readonly setup: SoakSetup,
  ) {
    this.casesByAccount = Array.from({ length: 3 }, () => []);
  }

  private async call(
    kind: Kind,
    method: string,
    path: string,
    token: string | undefined,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> | undefined; headers: Headers }> {
    const started = performance.now();
    let status = 0;
    try {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${this.url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      status = res.status;
      const text = await res.text();
      const token_ = res.headers.get('x-consistency-token');
      if (token_) this.position = Math.max(this.position, Number(token_));
      return {
        status,
        json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
        headers: res.headers,
      };
    } catch {
      return { status: 0, json: undefined, headers: new Headers() };
    } finally {
      this.samples.push({ kind, ms: performance.now() - started, status, at: Date.now() });
    }
  }

  private pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[Math.floor(Math.random() * items.length)];
  }

  /** Cases the portal users created themselves so far: enough to start from. */
  async seed(): Promise<void> {
    for (const user of this.setup.users) await this.createCase(user);
  }

  private async createCase(user: SoakSetup['users'][number]): Promise<void> {
    const base = `/v1/portals/${this.setup.slug}`;
    const res = await this.call('create case', 'POST', `${base}/records/Case`, user.token, {
      name: `Soak case ${this.created.length}`,
      description: 'Made by the soak test.',
    });
    if (res.status === 201 && typeof res.json?.id === 'string') {
      this.created.push({ id: res.json.id, position: Number(res.headers.get('x-consistency-token') ?? 0) });
      this.casesByAccount[user.account]!.push(res.json.id);
    }
  }

  async one(kind: Kind): Promise<void> {
    const user = this.pick(this.setup.users)!;
    const base = `/v1/portals/${this.setup.slug}`;
    const caseId = this.pick(this.casesByAccount[user.account]!);
    switch (kind) {
      case 'portal list':
        await this.call(kind, 'GET', `${base}/records/Case?perPage=20`, user.token);
        return;
      case 'portal case':
        if (caseId) await this.call(kind, 'GET', `${base}/records/Case/${caseId}`, user.token);
        return;
      case 'me':
        await this.call(kind, 'GET', `${base}/me`, user.token);
        return;
      case 'dashboard':
        await this.call(kind, 'GET', `${base}/dashboard`, user.token);
        return;
      case 'comments':
        if (caseId) await this.call(kind, 'GET', `${base}/records/Case/${caseId}/stream`, user.token);
        return;
      case 'create case':
        await this.createCase(user);
        return;
      case 'comment': {
        if (!caseId) return;
        const res = await this.call(kind, 'POST', `${base}/records/Case/${caseId}/stream`, user.token, {
          text: 'Any news on this?',
        });
        if (res.status === 201 && typeof res.json?.id === 'string')
          this.comments.push({ caseId, id: res.json.id });
        return;
      }
      case 'follow':
        if (caseId) await this.call(kind, 'PUT', `${base}/records/Case/${caseId}/follow`, user.token);
        return;
      case 'login': {
        // A session of its own, logged out again: the user's main token stays valid.
        const res = await this.call(kind, 'POST', `${base}/auth/login`, undefined, {
          email: user.email,
          password: 'Customer-password-1!',
        });
        const token = res.json?.accessToken;
        if (typeof token === 'string') await this.call('logout', 'POST', `${base}/auth/logout`, token);
        return;
      }
      case 'staff status': {
        const any = this.pick(this.created);
        if (!any) return;
        const status = this.pick(['Assigned', 'Pending', 'Closed'])!;
        await this.call(kind, 'PATCH', `/v1/records/Case/${any.id}`, this.setup.adminToken, { status });
        return;
      }
      case 'staff list':
        await this.call(kind, 'GET', '/v1/records/Case?perPage=20', this.setup.adminToken);
        return;
      default:
        return;
    }
  }

  /** Every acknowledged case and comment, read back as staff (after every write so far). */
  async missingWrites(): Promise<{ checked: number; missing: number }> {
    const headers = {
      authorization: `Bearer ${this.setup.adminToken}`,
      'x-consistency-token': String(this.position),
    };
    let missing = 0;
    for (const { id } of this.created) {
      const res = await fetch(`${this.url}/v1/records/Case/${id}`, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) missing += 1;
    }
    const byCase = new Map<string, string[]>();
    for (const c of this.comments) byCase.set(c.caseId, [...(byCase.get(c.caseId) ?? []), c.id]);
    for (const [caseId, ids] of byCase) {
      const seen = new Set<string>();
      for (let page = 1; ; page += 1) {
        const res = await fetch(`${this.url}/v1/records/Case/${caseId}/stream?perPage=100&page=${page}`, {
          headers,
        });
        if (res.status !== 200) throw new Error(`reading comments back: ${res.status} ${await res.text()}`);
        const body = (await res.json()) as { items: { id: string }[] };
        for (const c of body.items) seen.add(c.id);
        if (body.items.length < 100) break;
      }
      missing += ids.filter((id) => !seen.has(id)).length;
    }
    return { checked: this.created.length + this.comments.length, missing };
  }
}

export function pickKind(): Kind {
  const total = MIX.reduce((sum, [, share]) => sum + share, 0);
  let r = Math.random() * total;
  for (const [kind, share] of MIX) if ((r -= share) < 0) return kind;
  return MIX[0]![0];
}
