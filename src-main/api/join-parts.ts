import type { OperationName } from '../../src-shared/contract';
import type { Handler, HandlerTable } from './handler-types';

/** One part's operations, as bound in its `<part>-operations.ts`. */
type PartTable = Partial<Record<OperationName, Handler<never>>>;

/** The operation names the parts bind between them. */
type BoundNames<P> = { [K in keyof P]: keyof P[K] }[keyof P];

/** Compiles only when every contract operation is bound by some part; the error names the missing ones. */
type EveryOperationBound<P> =
  OperationName extends BoundNames<P> ? unknown : { missingOperations: Exclude<OperationName, BoundNames<P>> };

/**
 * Joins the parts' tables into the one table the dispatcher serves. A name bound by two parts would silently let
 * one shadow the other, so it stops the app at start-up instead, naming the operation and both parts.
 */
export function joinParts<P extends Record<string, PartTable>>(
  parts: P & EveryOperationBound<P>,
): HandlerTable<OperationName> {
  const joined: Record<string, unknown> = {};
  const boundBy = new Map<string, string>();
  for (const [part, table] of Object.entries(parts)) {
    if (typeof table !== 'object' || table === null) {
      throw new Error(`"${part}" is not a part's table of operations; list the table itself, not its contents.`);
    }
    for (const [name, handler] of Object.entries(table)) {
      const earlier = boundBy.get(name);
      if (earlier !== undefined) {
        throw new Error(`Operation "${name}" is bound twice: by the ${earlier} part and by the ${part} part.`);
      }
      boundBy.set(name, part);
      joined[name] = handler;
    }
  }
  return joined as HandlerTable<OperationName>;
}
