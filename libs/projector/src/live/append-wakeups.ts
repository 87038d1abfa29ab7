/**
 * Which append wake-ups ask the live runner for another catch-up. A wake-up may come twice for one
 * append: from the event store in this process as the append's commit returns, and again as the
 * database's notification, often while the catch-up it started is still running. With the
 * position it names, the second asks for nothing: commits come in position order, so a catch-up
 * whose reads began after a position was committed projects it and everything below it, and one
 * more catch-up would only read an empty page.
 */
export class AppendWakeups {
  /** The highest position a wake-up said was committed. */
  private notified = -1;
  /** `notified` when the running (or last) catch-up began: it projects every position up to here. */
  private covered = -1;

  /**
   * A wake-up: true when it needs a catch-up. `position`, when the wake-up names one, is committed;
   * `checkpoint` is where the runner's catch-ups have projected up to.
   */
  wake(position: number | undefined, checkpoint: number | undefined): boolean {
    if (position === undefined) return true;
    if (position <= this.covered || position <= (checkpoint ?? -1)) return false;
    this.notified = Math.max(this.notified, position);
    return true;
  }

  /** A catch-up begins (before its first read): it covers every position a wake-up named so far. */
  catchUpBegins(): void {
    this.covered = this.notified;
  }
}
