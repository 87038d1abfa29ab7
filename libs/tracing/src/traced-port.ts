import { context, trace } from '@opentelemetry/api';
import { tracingOn } from './tracing-switch';
import { inSpan } from './spans';

/**
 * The port with a span around each method call (`<component>.<method>`), when tracing is on;
 * the port itself when off. Methods run on the port itself, so private fields keep working.
 * For the stores and the email queue, which have several adapters and no instrumentation of their own
 * (PGlite, EventStoreDB, the in-process queue).
 */
export function withSpans<T extends object>(
  port: T,
  component: string,
  options: { skip?: readonly string[]; attributes?: Record<string, string> } = {},
): T {
  if (!tracingOn()) return port;
  // Methods that register callbacks (subscribe, work…) stay bare: what they call back later would
  // otherwise run under a span that ended long before.
  const skip = new Set(['constructor', ...(options.skip ?? [])]);
  return new Proxy(port, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      if (skip.has(property)) return (value as (...args: unknown[]) => unknown).bind(target);
      const method = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) =>
        // Only inside traced work: a projector's poll of the head every second is no trace of its own.
        trace.getSpan(context.active()) === undefined
          ? method.apply(target, args)
          : inSpan(
              `${component}.${property}`,
              { kind: 'client', attributes: { 'portal.component': component, ...options.attributes } },
              () => method.apply(target, args),
            );
    },
  });
}
