import { entityTypeStream } from '@portal/domain';
import { EmbeddedWritePath } from '../../shared-streams/testing/embedded-write-path';
import type { DefineEntityTypeBody } from '../entity-type.schemas';
import { defineEntityType, type DefineEntityTypePorts } from './define-entity-type.workflow';

jest.setTimeout(60_000);

describe('defineEntityType (workflow over the embedded store)', () => {
  let path: EmbeddedWritePath;
  let n = 0;
  beforeAll(async () => {
    path = await EmbeddedWritePath.open();
  });
  afterAll(() => path.close());

  /** A fresh PascalCase name for each test (the store is shared). */
  const newName = () => `Gadget${++n}x`;
  const body = (name: string, fields: DefineEntityTypeBody['fields'] = []): DefineEntityTypeBody => ({
    name,
    fields,
    links: [],
  });
  function ports(overrides: Partial<DefineEntityTypePorts> = {}): DefineEntityTypePorts {
    return { commands: path.commands, uniques: path.uniques, knownCustomTypes: async () => [], ...overrides };
  }
  const owner = (name: string) => path.uniques.ownerOf('entityTypeName', name);

  it('given a new name, when defined, then EntityTypeDefined is appended and the name held by the type', async () => {
    const name = newName();
    await expect(defineEntityType(ports(), body(name), path.ctx())).resolves.toEqual({ id: name, name });
    expect(await path.eventTypes(entityTypeStream(name))).toEqual(['EntityTypeDefined']);
    expect(await owner(name)).toBe(name);
  });

  it('given a definition the domain refuses, then nothing is reserved or appended', async () => {
    const name = newName();
    await expect(
      defineEntityType(
        ports(),
        body(name, [
          { name: 'amount', type: 'string' },
          { name: 'amount', type: 'number' },
        ]),
        path.ctx(),
      ),
    ).rejects.toMatchObject({ kind: 'invalid' });
    expect(await owner(name)).toBeNull();
    expect(await path.eventTypes(entityTypeStream(name))).toEqual([]);
  });

  it('given the name taken in another case (the read model not caught up), then 409 and the holder keeps it', async () => {
    const name = newName();
    await defineEntityType(ports(), body(name), path.ctx());
    const other = name.toUpperCase();
    await expect(defineEntityType(ports(), body(other), path.ctx())).rejects.toMatchObject({
      kind: 'conflict',
    });
    expect(await path.eventTypes(entityTypeStream(other))).toEqual([]);
    expect(await owner(name)).toBe(name);
  });

  it('given the definition cannot be appended, then the name is released', async () => {
    const name = newName();
    const commands = path.commandsFailingOn(
      (stream) => stream === entityTypeStream(name),
      'type stream down',
    );
    await expect(defineEntityType(ports({ commands }), body(name), path.ctx())).rejects.toThrow(
      'type stream down',
    );
    expect(await owner(name)).toBeNull();
    // And the name can be defined once the store works again.
    await defineEntityType(ports(), body(name), path.ctx());
    expect(await owner(name)).toBe(name);
  });

  it('given a parallel definition of the same name wins after this one reserved, then this one is refused and the name stays held', async () => {
    const name = newName();
    let raced = false;
    const racing: DefineEntityTypePorts['uniques'] = {
      release: (...args) => path.uniques.release(...args),
      reserve: async (...args) => {
        const took = await path.uniques.reserve(...args);
        if (!raced) {
          raced = true;
          // The other request: the same name, the same reservation owner; it appends first.
          await defineEntityType(ports(), body(name), path.ctx());
        }
        return took;
      },
    };
    await expect(defineEntityType(ports({ uniques: racing }), body(name), path.ctx())).rejects.toMatchObject({
      code: 'entity_type_exists',
    });
    expect(await path.eventTypes(entityTypeStream(name))).toEqual(['EntityTypeDefined']);
    expect(await owner(name)).toBe(name);
  });
});
