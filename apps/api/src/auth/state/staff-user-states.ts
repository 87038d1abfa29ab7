import { Injectable } from '@nestjs/common';
import {
  evolveStaffUser,
  initialStaffUserState,
  staffUserStream,
  type StaffUserEvent,
  type StaffUserState,
} from '@portal/domain';
import { StreamStateCache } from './stream-state-cache';

/** A staff user's state as of now, folded from their stream. */
@Injectable()
export class StaffUserStates {
  constructor(private readonly cache: StreamStateCache) {}

  async current(staffUserId: string): Promise<StaffUserState> {
    const { state } = await this.cache.current<StaffUserState, StaffUserEvent>(
      staffUserStream(staffUserId),
      evolveStaffUser,
      initialStaffUserState,
    );
    return state;
  }
}
