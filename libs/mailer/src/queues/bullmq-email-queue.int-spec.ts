import { RecordingLogger } from '../testing/recording-logger';
import { deleteRedisPrefix, randomQueuePrefix, TEST_REDIS_URL } from '../testing/redis-test-prefix';
import { emailQueueContract } from './email-queue.contract';
import { BullMqEmailQueue } from './bullmq-email-queue';

const prefixes: string[] = [];
afterAll(async () => {
  await Promise.all(prefixes.map(deleteRedisPrefix));
});

emailQueueContract('BullMQ', (retryPolicy) => {
  const prefix = randomQueuePrefix();
  prefixes.push(prefix);
  return Promise.resolve(
    new BullMqEmailQueue({ redisUrl: TEST_REDIS_URL, prefix, retryPolicy, logger: new RecordingLogger() }),
  );
});
