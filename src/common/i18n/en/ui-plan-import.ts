import type { Shape } from '../shape.ts';
import type { planImportUi as zh } from '../zh-CN/ui-plan-import.ts';

/** Checking, in the import preview, the city pairs a file names, one by one. zh-CN/ui-plan-import.ts has exactly these keys. */
export const planImportUi: Shape<typeof zh> = {
  hint: 'Check each pair: accepted ones are created as sub-pairings of this pairing on confirmation, citing where the file names them; rejected ones are not. Where a name was not recognised or may mean several places, correct it (pick the region or zone) before accepting.',
  accept: 'Accept',
  reject: 'Reject',
  correct: 'Correct',
  corrected: 'Corrected',
  acceptAll: 'Accept the {count} that can be created',
  ambiguous: '“{name}” may mean {choices}; pick one when correcting',
  unknownPlace: '“{name}” is not in the list of regions and zones; pick the region or zone it means when correcting',
  unresolvedHelp: 'A place name did not match exactly one region or zone code; use Correct to pick it, then accept.',
};
