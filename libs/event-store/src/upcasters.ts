// Stored events keep the meaning they were written with; a new shape is a new version of the type,
// and upcasters lift old versions to the current one on every read path.

export interface Upcaster {
  type: string;
  /** The version this upcaster reads; it produces fromVersion + 1. */
  fromVersion: number;
  upcast(data: Record<string, unknown>, metadata: Record<string, unknown>): Record<string, unknown>;
}

export class UnknownEventVersion extends Error {
  override readonly name = 'UnknownEventVersion';
  constructor(
    readonly type: string,
    readonly version: number,
  ) {
    super(`No upcaster for ${type} v${version}`);
  }
}

export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();
  private readonly current = new Map<string, number>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const u of upcasters) this.register(u);
  }

  register(upcaster: Upcaster): this {
    const key = `${upcaster.type}@${upcaster.fromVersion}`;
    if (this.byKey.has(key)) throw new Error(`Duplicate upcaster for ${key}`);
    this.byKey.set(key, upcaster);
    this.current.set(upcaster.type, Math.max(this.currentVersion(upcaster.type), upcaster.fromVersion + 1));
    return this;
  }

  /** The newest version of a type: 1 unless upcasters say otherwise. */
  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  /** Lifts data from `version` to the current version of `type`. */
  upcast(
    type: string,
    version: number,
    data: Record<string, unknown>,
    metadata: Record<string, unknown>,
  ): { version: number; data: Record<string, unknown> } {
    const target = this.currentVersion(type);
    let v = version;
    let d = data;
    while (v < target) {
      const upcaster = this.byKey.get(`${type}@${v}`);
      if (!upcaster) throw new UnknownEventVersion(type, v);
      d = upcaster.upcast(d, metadata);
      v += 1;
    }
    if (v > target) throw new UnknownEventVersion(type, v);
    return { version: v, data: d };
  }
}
