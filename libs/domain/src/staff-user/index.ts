export * from './staff-user.events';
export * from './staff-user.state';
export * from './staff-user.evolve';
export * from './staff-user.commands';
export * from './staff-user.decide';
export * from './staff-user.email';
export * from './staff-user.stream';
export * from './staff-user.errors';
