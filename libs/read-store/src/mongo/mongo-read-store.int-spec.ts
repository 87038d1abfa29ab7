import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { readStoreContract } from '../read-store.contract';
import { readStoreCountsContract } from '../read-store-counts.contract';
import { readStoreOpaqueContract } from '../read-store-opaque.contract';
import { readStoreTypedContract } from '../read-store-typed.contract';
import { openMongoReadStore } from './mongo-read-store';

// A MongoDB replica set from MONGO_URL; every run works in a fresh database dropped afterwards.
const url = process.env.MONGO_URL;

if (url) {
  const database = `rs_test_${randomBytes(6).toString('hex')}`;
  readStoreContract('MongoDB', () => openMongoReadStore(url, database));
  readStoreCountsContract('MongoDB', () => openMongoReadStore(url, database));
  readStoreOpaqueContract('MongoDB', () => openMongoReadStore(url, database));
  readStoreTypedContract('MongoDB', () => openMongoReadStore(url, database));

  afterAll(async () => {
    const client = new MongoClient(url);
    try {
      await client.db(database).dropDatabase();
    } finally {
      await client.close();
    }
  });
} else {
  console.warn('mongo read store tests skipped: MONGO_URL not set');
  describe.skip('mongo read store (skipped: MONGO_URL not set)', () => {
    it('needs MONGO_URL', () => undefined);
  });
}
