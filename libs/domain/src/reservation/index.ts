export * from './reservation.events';
export * from './reservation.state';
export * from './reservation.evolve';
export * from './reservation.commands';
export * from './reservation.decide';
export * from './reservation.stream';
export * from './reservation.errors';
