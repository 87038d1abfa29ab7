/** One thing `audit:verify` found wrong. */
export interface Finding {
  kind:
    | 'revision_hole'
    | 'revision_duplicate'
    | 'position_order'
    | 'unknown_type'
    | 'type_outside_stream'
    | 'stale_version'
    | 'unreadable_log'
    | 'read_model_mismatch'
    /** The check itself could not run (a store unreachable, a bad setting). */
    | 'verify_failed';
  message: string;
  stream?: string;
  position?: number;
}

export function describeFinding(finding: Finding): string {
  const where = [
    finding.stream === undefined ? undefined : `stream ${finding.stream}`,
    finding.position === undefined ? undefined : `position ${finding.position}`,
  ].filter(Boolean);
  return `[${finding.kind}] ${finding.message}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
}
