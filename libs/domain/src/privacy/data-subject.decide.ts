import type { DataOwner } from './data-owner';
import type { DataSubjectErased, DataSubjectEvent } from './data-subject.events';

export interface DataSubjectState {
  erased: boolean;
}

export const initialDataSubjectState: DataSubjectState = { erased: false };

export function evolveDataSubject(state: DataSubjectState, event: DataSubjectEvent): DataSubjectState {
  switch (event.type) {
    case 'DataSubjectErased':
      return { ...state, erased: true };
    default:
      return state;
  }
}

export interface EraseDataSubject {
  subjectId: string;
  owners: DataOwner[];
  reason: string;
  requestId: string | null;
}

/** Erasing is once: a second erase of the same subject changes nothing (the keys are already gone). */
export function decideEraseDataSubject(
  command: EraseDataSubject,
  state: DataSubjectState,
): DataSubjectErased[] {
  if (state.erased) return [];
  return [
    {
      type: 'DataSubjectErased',
      data: {
        subjectId: command.subjectId,
        owners: [...new Set(command.owners)].sort(),
        reason: command.reason,
        requestId: command.requestId,
      },
    },
  ];
}
