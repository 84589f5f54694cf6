export * from './users';
export * from './company';
export * from './customers';
export * from './catalog';
export * from './warehouses';
export * from './inventory';
export * from './orders';
export * from './picking';
