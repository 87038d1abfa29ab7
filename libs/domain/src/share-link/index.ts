export * from './share-link.events';
export * from './share-link.state';
export * from './share-link.evolve';
export * from './share-link.commands';
export * from './share-link.expiry';
export * from './share-link.decide';
export * from './share-link.stream';
export * from './share-link.errors';
