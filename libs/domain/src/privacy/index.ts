export * from './data-owner';
export * from './personal-data.map';
export * from './data-subject.events';
export * from './data-subject.decide';
