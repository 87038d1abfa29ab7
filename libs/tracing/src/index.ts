export { tracingOn } from './tracing-switch';
export { activeTraceparent, contextOf, inSpan, recordSpan, TRACER_NAME, type SpanOptions } from './spans';
export { withSpans } from './traced-port';
export {
  flushTracing,
  startTracing,
  tracingRequested,
  type RunningTracing,
  type TracingOptions,
} from './start-tracing';
