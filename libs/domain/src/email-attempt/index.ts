export * from './email-attempt.events';
export * from './email-attempt.state';
export * from './email-attempt.evolve';
export * from './email-attempt.stream';
export * from './email-attempt.decide';
