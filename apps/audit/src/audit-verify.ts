import type { EventStore } from '@portal/event-store';
import { describeFinding, type Finding } from './finding';
import type { KnownEventTypes } from './known-event-types';
import { progressReporterFor } from './progress-reporter';
import { verifyEventLog } from './verify-event-log';

/** Compares the read models with a fresh fold of the log; returns what differs. */
export type ReadModelCheck = (report: (done: number, fraction: number) => void) => Promise<Finding[]>;

export interface AuditVerifyDeps {
  eventStore: EventStore;
  known?: KnownEventTypes;
  readModels?: ReadModelCheck;
  /** Where progress goes: a bar when it is a terminal, log lines otherwise. */
  progressOut: NodeJS.WriteStream;
  log: (line: string) => void;
}

/** Runs every check, prints each finding, and returns them all (none: the log and models are sound). */
export async function runAuditVerify(deps: AuditVerifyDeps): Promise<Finding[]> {
  const logProgress = progressReporterFor(deps.progressOut, 'event log');
  const log = await verifyEventLog(deps.eventStore, {
    known: deps.known,
    onProgress: ({ eventsDone, fraction }) => logProgress.update(eventsDone, fraction),
  });
  logProgress.finish(log.eventsChecked);
  deps.log(
    `event log: ${log.eventsChecked} events in ${log.streamsChecked} streams up to position ${log.head}`,
  );
  const findings = [...log.findings];
  if (deps.readModels) {
    const modelProgress = progressReporterFor(deps.progressOut, 'read models');
    let done = 0;
    const modelFindings = await deps.readModels((d, fraction) => {
      done = d;
      modelProgress.update(d, fraction);
    });
    modelProgress.finish(done);
    findings.push(...modelFindings);
  }
  for (const finding of findings) deps.log(describeFinding(finding));
  deps.log(
    findings.length === 0 ? 'audit:verify: no findings' : `audit:verify: ${findings.length} finding(s)`,
  );
  return findings;
}
