// Imported first by each app's main (before Fastify, pg or ioredis load, so the instrumentations
// can patch them): starts tracing when the OTEL_* environment asks for it, and does nothing else.
import { startTracing, tracingRequested } from './start-tracing';

if (tracingRequested()) startTracing();
