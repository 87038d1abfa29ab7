// Imported on its own (not from the library index) so only an ESDB deployment loads the gRPC client.
export * from './esdb-event-store';
