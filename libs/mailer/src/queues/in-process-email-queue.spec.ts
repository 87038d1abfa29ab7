import { emailQueueContract } from './email-queue.contract';
import { InProcessEmailQueue } from './in-process-email-queue';

emailQueueContract('in-process', (retryPolicy) => Promise.resolve(new InProcessEmailQueue({ retryPolicy })));
