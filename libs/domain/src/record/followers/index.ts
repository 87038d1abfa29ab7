export * from './record-followers.events';
export * from './record-followers.state';
export * from './record-followers.evolve';
export * from './record-followers.stream';
export * from './record-followers.commands';
export * from './record-followers.decide';
export * from './following';
