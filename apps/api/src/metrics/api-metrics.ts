import { Counter, Histogram, type Registry } from 'prom-client';
import type { CommandObserver } from '@portal/commands';
import { loginOutcomeOf } from './login-outcome';

/**
 * The API's series, on the process's registry (in one-process mode the projector's and the
 * mailer's are on it too, so /metrics shows them all). Every label is bounded: route templates,
 * methods, statuses, stream categories, domain error codes.
 */
export class ApiMetrics {
  /** By route template, never the raw path, so the label set stays bounded. */
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly logins: Counter<'realm' | 'outcome'>;
  readonly readYourWritesWait: Histogram<'outcome'>;
  readonly readModelBehind: Counter<'side'>;
  /** The write path's counts, told by StreamCommands. */
  readonly commands: CommandObserver;

  constructor(readonly registry: Registry) {
    const registers = [registry];
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from a request arriving to its answer, by method, route template and status.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.logins = new Counter({
      name: 'portal_logins_total',
      help: 'Password logins by realm (staff, portal) and outcome (success, failure, rate_limited).',
      labelNames: ['realm', 'outcome'] as const,
      registers,
    });
    this.readYourWritesWait = new Histogram({
      name: 'portal_read_your_writes_wait_seconds',
      help: 'How long a read carrying X-Consistency-Token waited for the read models, by outcome (reached, timeout: a 503).',
      labelNames: ['outcome'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.readModelBehind = new Counter({
      name: 'portal_read_model_behind_total',
      help: 'Requests answered 503 read_model_behind because the projector did not get there within 5 s, by side: query (a read carrying X-Consistency-Token) or command (one that decides from a read model).',
      labelNames: ['side'] as const,
      registers,
    });
    this.commands = commandCounters(registry);
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
    const login = loginOutcomeOf(method, route, status);
    if (login) this.logins.inc(login);
  }

  /** A read that waited for its write; `reached` false is the 503 read_model_behind. */
  observeReadYourWrites(seconds: number, reached: boolean): void {
    this.readYourWritesWait.observe({ outcome: reached ? 'reached' : 'timeout' }, seconds);
    if (!reached) this.readModelBehind.inc({ side: 'query' });
  }

  /** A command that waited for the read models to reach the head and did not see them get there (503). */
  commandFoundReadModelBehind(): void {
    this.readModelBehind.inc({ side: 'command' });
  }
}

function commandCounters(registry: Registry): CommandObserver {
  const registers = [registry];
  const handled = new Counter({
    name: 'portal_commands_handled_total',
    help: 'Commands decided and appended (or with nothing to append), by stream category.',
    labelNames: ['stream'] as const,
    registers,
  });
  const refused = new Counter({
    name: 'portal_commands_refused_total',
    help: 'Commands refused by a domain rule, by stream category and error code (precondition_failed: a stale If-Match).',
    labelNames: ['stream', 'code'] as const,
    registers,
  });
  const conflicts = new Counter({
    name: 'portal_command_conflicts_total',
    help: 'Optimistic-concurrency conflicts: another writer appended between a command read and its append.',
    labelNames: ['stream'] as const,
    registers,
  });
  const retries = new Counter({
    name: 'portal_command_retries_total',
    help: 'Commands decided again on the fresh state after a conflict.',
    labelNames: ['stream'] as const,
    registers,
  });
  return {
    handled: (stream) => handled.inc({ stream }),
    refused: (stream, code) => refused.inc({ stream, code }),
    conflicted: (stream) => conflicts.inc({ stream }),
    retried: (stream) => retries.inc({ stream }),
  };
}
