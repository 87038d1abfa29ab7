export * from './data-owner';
export * from './personal-data.map';
export * from './data-subject.events';
export * from './data-subject.decide';
export * from './erasure-request.events';
export * from './erasure-request.errors';
export * from './erasure-request.decide';
export * from './sign-in-retention';
