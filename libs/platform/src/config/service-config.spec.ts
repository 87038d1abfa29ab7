import { ConfigError, loadServiceConfig } from './service-config';

describe('loadServiceConfig: EVENT_STORE schemes', () => {
  const base = { JWT_SECRET: 'test secret', DATA_DIR: '/tmp/service-config-spec' };

  it('accepts the schemes the EventStoreDB client accepts', () => {
    for (const url of ['esdb://127.0.0.1:2113?tls=false', 'esdb+discover://cluster.example:2113']) {
      expect(loadServiceConfig({ ...base, EVENT_STORE: url }).eventStore).toBe(url);
    }
  });

  it('refuses kurrentdb:// at start-up, naming the scheme to use instead', () => {
    for (const url of ['kurrentdb://127.0.0.1:2113?tls=false', 'kurrentdb+discover://cluster.example:2113']) {
      expect(() => loadServiceConfig({ ...base, EVENT_STORE: url })).toThrow(ConfigError);
      expect(() => loadServiceConfig({ ...base, EVENT_STORE: url })).toThrow(/use esdb:\/\//);
    }
  });

  it('names a refused store URL without its password', () => {
    const url = 'mysql://portal:s3cret-pass@db.example:3306/portal';
    expect(() => loadServiceConfig({ ...base, READ_STORE: url })).toThrow(ConfigError);
    expect(() => loadServiceConfig({ ...base, READ_STORE: url })).toThrow(/mysql:\/\/\*\*\*@db\.example/);
    expect(() => loadServiceConfig({ ...base, READ_STORE: url })).not.toThrow(/s3cret/);
  });
});

describe('loadServiceConfig: EMBEDDED_HEAP_GROWTH_PERCENT', () => {
  const base = { JWT_SECRET: 'test secret', DATA_DIR: '/tmp/service-config-spec' };

  it('leaves it unset (the default of the embedded mode) or takes a whole percent, 0 for V8 to choose', () => {
    expect(loadServiceConfig(base).embeddedHeapGrowthPercent).toBeUndefined();
    expect(
      loadServiceConfig({ ...base, EMBEDDED_HEAP_GROWTH_PERCENT: '' }).embeddedHeapGrowthPercent,
    ).toBeUndefined();
    for (const [text, percent] of [
      ['0', 0],
      ['25', 25],
      ['400', 400],
    ] as const) {
      expect(
        loadServiceConfig({ ...base, EMBEDDED_HEAP_GROWTH_PERCENT: text }).embeddedHeapGrowthPercent,
      ).toBe(percent);
    }
  });

  it('refuses anything else at start-up', () => {
    for (const text of ['-1', '12.5', '401', 'a lot', '25%']) {
      expect(() => loadServiceConfig({ ...base, EMBEDDED_HEAP_GROWTH_PERCENT: text })).toThrow(ConfigError);
    }
  });
});

describe('loadServiceConfig: EMBEDDED_SHARED_BUFFERS', () => {
  const base = { JWT_SECRET: 'test secret', DATA_DIR: '/tmp/service-config-spec' };

  it('leaves it unset (the 32MB default) or takes a size in kB, MB or GB', () => {
    expect(loadServiceConfig(base).embeddedSharedBuffers).toBeUndefined();
    for (const size of ['16MB', '512kB', '1GB']) {
      expect(loadServiceConfig({ ...base, EMBEDDED_SHARED_BUFFERS: size }).embeddedSharedBuffers).toBe(size);
    }
  });

  it('refuses anything else at start-up', () => {
    for (const size of ['32', '32mb', '0MB', '-1MB', '32MB; DROP TABLE x', '1.5GB']) {
      expect(() => loadServiceConfig({ ...base, EMBEDDED_SHARED_BUFFERS: size })).toThrow(ConfigError);
    }
  });
});

describe('loadServiceConfig: SCOPED_PAGE_CACHE', () => {
  const base = { JWT_SECRET: 'test secret', DATA_DIR: '/tmp/service-config-spec' };

  it('caches unless set to off, and refuses anything but on or off', () => {
    expect(loadServiceConfig(base).scopedPageCache).toBe(true);
    expect(loadServiceConfig({ ...base, SCOPED_PAGE_CACHE: 'on' }).scopedPageCache).toBe(true);
    expect(loadServiceConfig({ ...base, SCOPED_PAGE_CACHE: 'off' }).scopedPageCache).toBe(false);
    expect(() => loadServiceConfig({ ...base, SCOPED_PAGE_CACHE: 'no' })).toThrow(ConfigError);
  });
});

describe('loadServiceConfig: EMBEDDED_STATISTICS_TARGET', () => {
  const base = { JWT_SECRET: 'test secret', DATA_DIR: '/tmp/service-config-spec' };

  it('leaves it unset (the default of the embedded mode) or takes a whole number from 1 to 10000', () => {
    expect(loadServiceConfig(base).embeddedStatisticsTarget).toBeUndefined();
    expect(
      loadServiceConfig({ ...base, EMBEDDED_STATISTICS_TARGET: '' }).embeddedStatisticsTarget,
    ).toBeUndefined();
    for (const text of ['1', '100', '10000']) {
      expect(loadServiceConfig({ ...base, EMBEDDED_STATISTICS_TARGET: text }).embeddedStatisticsTarget).toBe(
        Number(text),
      );
    }
  });

  it('refuses anything else at start-up', () => {
    for (const text of ['0', '-1', '2.5', '10001', 'many']) {
      expect(() => loadServiceConfig({ ...base, EMBEDDED_STATISTICS_TARGET: text })).toThrow(ConfigError);
    }
  });
});
