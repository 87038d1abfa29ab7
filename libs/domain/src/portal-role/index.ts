export * from './portal-role.events';
export * from './portal-role.state';
export * from './portal-role.evolve';
export * from './portal-role.commands';
export * from './portal-role.decide';
export * from './portal-role.validation';
export * from './portal-role.definition';
export * from './portal-role.stream';
