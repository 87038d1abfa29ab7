/** How deep a JSON body or query may nest; deeper is refused before any recursive code sees it. */
export const MAX_INPUT_DEPTH = 64;

export type UnsafeInput =
  { kind: 'too_deep'; path: string } | { kind: 'bad_string'; path: string; message: string };

// A NUL or a UTF-16 surrogate without its partner: PostgreSQL refuses both in text and jsonb.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(value)) return 'must not contain a lone UTF-16 surrogate';
  return undefined;
}

const pointerSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The first string (value or key) a store would refuse, or the first place nesting goes past
 * `maxDepth`, in a parsed body or query; undefined when all is well. Iterative, so no input can
 * overflow the stack here. Paths are JSON pointers under `prefix` (e.g. `/query`).
 */
export function findUnsafeInput(
  input: unknown,
  prefix = '',
  maxDepth = MAX_INPUT_DEPTH,
): UnsafeInput | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: input, path: prefix, depth: 0 },
  ];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      const message = stringProblem(value);
      if (message) return { kind: 'bad_string', path: path || '/', message };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) return { kind: 'too_deep', path: path || '/' };
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((item, i): [string, unknown] => [String(i), item])
      : Object.entries(value as Record<string, unknown>);
    for (const [key, item] of entries) {
      const itemPath = `${path}/${pointerSegment(key)}`;
      const keyMessage = stringProblem(key);
      if (keyMessage) return { kind: 'bad_string', path: itemPath, message: `its name ${keyMessage}` };
      pending.push({ value: item, path: itemPath, depth: depth + 1 });
    }
  }
  return undefined;
}
