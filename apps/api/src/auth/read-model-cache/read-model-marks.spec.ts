import { CHANGE_MARKS_BATCH, READ_MODELS, type ChangeMarkDoc } from '@portal/read-models';
import { accessMarksOf, recordsMarksOf } from './read-model-marks';

const batch = (position: number, since: number): ChangeMarkDoc => ({
  id: CHANGE_MARKS_BATCH,
  position,
  since,
});
const mark = (id: ChangeMarkDoc['id'], position: number): ChangeMarkDoc => ({ id, position });

describe('accessMarksOf', () => {
  const marks = [
    mark(READ_MODELS.portals, 3),
    mark(READ_MODELS.portalUsers, 5),
    mark(READ_MODELS.portalRoles, 2),
  ];

  it('stays the same while batches write other read models', () => {
    const before = accessMarksOf([batch(5, 1), ...marks], 5);
    const after = accessMarksOf([batch(9, 1), ...marks, mark(READ_MODELS.records, 9)], 9);
    expect(before).toBeDefined();
    expect(after).toBe(before);
  });

  it('changes when a batch writes portals, portal users or roles', () => {
    const before = accessMarksOf([batch(5, 1), ...marks], 5);
    for (const name of [READ_MODELS.portals, READ_MODELS.portalUsers, READ_MODELS.portalRoles]) {
      const moved = marks.map((m) => (m.id === name ? mark(name, 9) : m));
      expect(accessMarksOf([batch(9, 1), ...moved], 9)).not.toBe(before);
    }
  });

  it('changes when a new run of marked batches starts (a batch was applied without marks)', () => {
    expect(accessMarksOf([batch(9, 9), ...marks], 9)).not.toBe(accessMarksOf([batch(5, 1), ...marks], 5));
  });

  it('cannot say when the last batch kept no marks, or there are no marks or no checkpoint', () => {
    expect(accessMarksOf([batch(5, 1), ...marks], 7)).toBeUndefined();
    expect(accessMarksOf(marks, 5)).toBeUndefined();
    expect(accessMarksOf([], undefined)).toBeUndefined();
    expect(accessMarksOf([{ id: CHANGE_MARKS_BATCH, position: 5 }, ...marks], 5)).toBeUndefined();
  });

  it('tells a read model never written in this run from one written', () => {
    const without = accessMarksOf([batch(5, 1), mark(READ_MODELS.portals, 3)], 5);
    expect(
      accessMarksOf([batch(6, 1), mark(READ_MODELS.portals, 3), mark(READ_MODELS.portalRoles, 6)], 6),
    ).not.toBe(without);
  });
});

describe('recordsMarksOf', () => {
  const access = [mark(READ_MODELS.portals, 3), mark(READ_MODELS.portalUsers, 5)];

  it('stays the same while batches write other read models, access ones included', () => {
    const before = recordsMarksOf([batch(5, 1), mark(READ_MODELS.records, 4), ...access], 5);
    const after = recordsMarksOf(
      [
        batch(9, 1),
        mark(READ_MODELS.records, 4),
        mark(READ_MODELS.portalUsers, 9),
        mark(READ_MODELS.comments, 8),
      ],
      9,
    );
    expect(before).toBeDefined();
    expect(after).toBe(before);
  });

  it('changes when a batch writes records, or a new run starts', () => {
    const before = recordsMarksOf([batch(5, 1), mark(READ_MODELS.records, 4)], 5);
    expect(recordsMarksOf([batch(6, 1), mark(READ_MODELS.records, 6)], 6)).not.toBe(before);
    expect(recordsMarksOf([batch(6, 6), mark(READ_MODELS.records, 4)], 6)).not.toBe(before);
  });

  it('cannot say when the last batch kept no marks', () => {
    expect(recordsMarksOf([batch(5, 1), mark(READ_MODELS.records, 4)], 6)).toBeUndefined();
  });
});
