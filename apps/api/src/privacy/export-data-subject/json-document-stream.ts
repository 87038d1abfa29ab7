/** A member of a streamed JSON object: a value written at once, or the items of a list as they come. */
export type StreamedMember =
  readonly [key: string, value: unknown] | readonly [key: string, list: AsyncIterable<unknown>];

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * One JSON object written piece by piece: each list member's items are pulled one at a time as the
 * consumer reads, so a long export never sits in memory whole. The text is exactly JSON.stringify's
 * (compact) of the same object.
 */
export async function* jsonDocumentStream(members: readonly StreamedMember[]): AsyncGenerator<string> {
  yield '{';
  for (const [index, [key, value]] of members.entries()) {
    const head = `${index === 0 ? '' : ','}${JSON.stringify(key)}:`;
    if (!isAsyncIterable(value)) {
      yield `${head}${JSON.stringify(value) ?? 'null'}`;
      continue;
    }
    yield `${head}[`;
    let first = true;
    for await (const item of value) {
      yield `${first ? '' : ','}${JSON.stringify(item) ?? 'null'}`;
      first = false;
    }
    yield ']';
  }
  yield '}';
}
