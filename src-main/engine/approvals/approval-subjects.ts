import type { EngineContext } from '../context';

export interface DecisionInfo {
  /** "Meera" or "Meera for Ravi" */
  who: string;
  /** ": the comment" or '' */
  comment: string;
  level: number;
  levels: number;
}

/**
 * What each kind of document does around its approval. The request service knows nothing of orders or
 * customers; it asks the subject for its approved fields and tells it when the last level has spoken.
 */
export interface SubjectHandler {
  /** "order", "customer": what the refusal of self-approval names */
  noun: string;
  snapshot(ctx: EngineContext, id: number): object;
  /** who created the document: they may not approve it */
  creator(ctx: EngineContext, id: number): number | null;
  label(ctx: EngineContext, id: number): string;
  levelPassed?(ctx: EngineContext, id: number, info: DecisionInfo): void;
  approved(ctx: EngineContext, id: number, info: DecisionInfo): void;
  rejected(ctx: EngineContext, id: number, info: DecisionInfo): void;
}
