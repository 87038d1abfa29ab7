export * from './shared/actor';
export * from './shared/clock';
export * from './shared/decider';
export * from './shared/domain-error';
