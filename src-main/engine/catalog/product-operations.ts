import type { productOperations } from '../../../src-shared/contract/products';
import type { HandlerTable } from '../../api/handler-types';
import { importProducts } from '../imports/start-import';
import { listProducts } from './list-products';
import { createProduct, findByBarcode, getProduct, productFacets, updateProduct } from './product-service';

/** The product catalogue. Joined with the other parts in api/handlers.ts. */
export const productHandlers: HandlerTable<keyof typeof productOperations> = {
  'products.list': (input, ctx) => listProducts(ctx, input),
  'products.get': (input, ctx) => getProduct(ctx, input.id),
  'products.findByBarcode': (input, ctx) => findByBarcode(ctx, input.barcode),
  'products.create': (input, ctx) => createProduct(ctx, input),
  'products.update': (input, ctx) => updateProduct(ctx, input),
  'products.import': (input, ctx) => importProducts(ctx, input.csv, input.mode),
  'products.facets': (_, ctx) => productFacets(ctx),
};
