export * from './primitives';
export * from './event-payloads';
export * from './event-envelope';
export * from './masters';
export * from './messages';
export * from './closing-stock';
export * from './control-totals';
