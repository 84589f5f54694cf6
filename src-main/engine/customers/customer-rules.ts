import { stateName } from '../../../src-shared/india-states';
import { invalid } from '../errors';

/** A GSTIN is registered in one state: its first two digits must be the address's state. */
export function checkGstinState(gstin: string, stateCode: string, field: string): void {
  if (!gstin) return;
  const registered = gstin.slice(0, 2);
  if (registered !== stateCode) {
    throw invalid(
      `GSTIN is registered in ${stateName(registered) ?? registered} but the address is in ${stateName(stateCode) ?? stateCode}`,
      field,
    );
  }
}

/** May a customer of `childType` be mapped under one of `parentType`? (retailer → distributor, distributor → super stockist) */
export function checkMapping(
  childType: string,
  allowedParentTypes: string[],
  parentType: string,
  parentName: string,
): void {
  if (!allowedParentTypes.includes(parentType)) {
    const allowed = allowedParentTypes.length ? allowedParentTypes.join(' or ') : 'no parent';
    throw invalid(`A ${childType} can be mapped under ${allowed}; ${parentName} is a ${parentType}`, 'parentId');
  }
}
