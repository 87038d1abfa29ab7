import { CASE_ENTITY_TYPE } from '../entity-type/built-in-entity-types';
import { fold } from '../shared/decider';
import { decideCreateRecord, decideUpdateRecord } from './record.decide';
import type { RecordEvent } from './record.events';
import { evolveRecord } from './record.evolve';
import { historyChanges } from './record.history';
import { initialRecordState } from './record.state';
import { parseRecordStream, recordStream } from './record.stream';

const ID = '10000000-0000-4000-8000-000000000001';

describe('record history', () => {
  it('shows a case status change exactly once across a create and two updates', () => {
    const events: RecordEvent[] = [];
    const state = () => fold(evolveRecord, initialRecordState, events);
    events.push(
      ...decideCreateRecord(
        { type: 'CreateRecord', recordId: ID, entityType: 'Case', fields: { name: 'x' } },
        state(),
        CASE_ENTITY_TYPE,
      ),
    );
    events.push(
      ...decideUpdateRecord(
        { type: 'UpdateRecord', entityType: 'Case', fields: { status: 'Assigned', priority: 'High' } },
        state(),
        CASE_ENTITY_TYPE,
      ),
    );
    events.push(
      ...decideUpdateRecord(
        { type: 'UpdateRecord', entityType: 'Case', fields: { status: 'Closed' } },
        state(),
        CASE_ENTITY_TYPE,
      ),
    );
    const history = events.map((e) => ({ event: e.type, changes: historyChanges(e) }));
    expect(history).toEqual([
      {
        event: 'RecordCreated',
        changes: {
          name: { from: null, to: 'x' },
          status: { from: null, to: 'New' },
          priority: { from: null, to: 'Normal' },
          isInternal: { from: null, to: false },
        },
      },
      { event: 'RecordUpdated', changes: { priority: { from: 'Normal', to: 'High' } } },
      { event: 'CaseStatusChanged', changes: { status: { from: 'New', to: 'Assigned' } } },
      { event: 'CaseStatusChanged', changes: { status: { from: 'Assigned', to: 'Closed' } } },
    ]);
    expect(state().fields.status).toBe('Closed');
  });

  it('shows no field changes for deletions and comments', () => {
    expect(historyChanges({ type: 'RecordDeleted', data: { entityType: 'Case' } })).toEqual({});
    expect(
      historyChanges({
        type: 'CommentPosted',
        data: { entityType: 'Case', commentId: ID, text: 't', isInternal: false },
      }),
    ).toEqual({});
  });

  it('keeps a status field of other types in RecordUpdated', () => {
    expect(
      historyChanges({
        type: 'RecordUpdated',
        data: { entityType: 'Document', changes: { status: { from: 'Draft', to: 'Active' } } },
      }),
    ).toEqual({ status: { from: 'Draft', to: 'Active' } });
  });
});

describe('record streams', () => {
  it('are named record-<EntityType>-<id> and parse back', () => {
    expect(recordStream('KnowledgeBaseArticle', ID)).toBe(`record-KnowledgeBaseArticle-${ID}`);
    expect(parseRecordStream(recordStream('Case', ID))).toEqual({ entityType: 'Case', id: ID });
    expect(parseRecordStream(`portal-${ID}`)).toBeNull();
  });
});
