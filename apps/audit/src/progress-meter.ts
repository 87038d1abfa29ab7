/** Rate and time left of a long run, from what was done and when it started. Pure. */
export interface ProgressReading {
  done: number;
  /** 0..1 */
  fraction: number;
  /** Items per second since the start. */
  rate: number;
  /** Seconds left at that rate; undefined before anything was done. */
  etaSeconds: number | undefined;
  elapsedSeconds: number;
}

export function readProgress(
  done: number,
  fraction: number,
  startedAtMs: number,
  nowMs: number,
): ProgressReading {
  const elapsedSeconds = Math.max(0, (nowMs - startedAtMs) / 1000);
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const etaSeconds =
    fraction > 0 && elapsedSeconds > 0 ? (elapsedSeconds * (1 - fraction)) / fraction : undefined;
  return { done, fraction, rate, etaSeconds, elapsedSeconds };
}

export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '--:--';
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** `[#########-----------] 45% 12345 events 3210/s ETA 00:12` in `width` bar cells. */
export function progressBar(reading: ProgressReading, width = 30): string {
  const filled = Math.round(reading.fraction * width);
  const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
  const percent = `${Math.floor(reading.fraction * 100)}%`.padStart(4);
  return `[${bar}] ${percent} ${reading.done} events ${Math.round(reading.rate)}/s ETA ${formatDuration(reading.etaSeconds)}`;
}

/** `events 12345 (45%), 3210/s, ETA 00:12`, for logs. */
export function progressLine(reading: ProgressReading): string {
  return `events ${reading.done} (${Math.floor(reading.fraction * 100)}%), ${Math.round(reading.rate)}/s, ETA ${formatDuration(reading.etaSeconds)}`;
}
