/**
 * A batch folded ahead (while the batch before it commits) needed what only its transaction can
 * give: a query, or the committed documents for a projection's log reads. It is folded again, the
 * usual way, once the batch before has committed.
 */
export class CannotFoldAhead extends Error {
  constructor() {
    super('this batch cannot be folded before the one before it has committed');
    this.name = 'CannotFoldAhead';
  }
}
