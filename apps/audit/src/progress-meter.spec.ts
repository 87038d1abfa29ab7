import { formatDuration, progressBar, progressLine, readProgress } from './progress-meter';

describe('progress meter', () => {
  it('computes rate and time left from the share done', () => {
    const reading = readProgress(5000, 0.25, 0, 10_000);
    expect(reading.rate).toBe(500);
    expect(reading.etaSeconds).toBe(30);
    expect(progressLine(reading)).toBe('events 5000 (25%), 500/s, ETA 00:30');
    expect(progressBar(reading, 8)).toBe('[##------]  25% 5000 events 500/s ETA 00:30');
  });

  it('has no ETA before anything was read', () => {
    expect(readProgress(0, 0, 0, 0).etaSeconds).toBeUndefined();
    expect(formatDuration(undefined)).toBe('--:--');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});
