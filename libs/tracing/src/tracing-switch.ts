/**
 * Whether this process traces. Off unless startTracing ran (OTEL_* asked for it): every helper here
 * checks it first and then costs one branch, and the SDK is never even loaded.
 */
let on = false;

export function tracingOn(): boolean {
  return on;
}

/** Called by startTracing once the SDK is registered (and by its shutdown). */
export function setTracingOn(value: boolean): void {
  on = value;
}
