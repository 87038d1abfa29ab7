export * from './test-app';
export * from './http-client';
export * from './free-port';
export * from './e2e-stores';
export * from './projector-started-later';
