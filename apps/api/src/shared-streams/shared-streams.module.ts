import { Global, Module } from '@nestjs/common';
import { StreamCommands } from '@portal/commands';
import { PortalSeats } from './portal-seats';
import { UniqueValues } from './unique-values';

/**
 * Streams several features write besides their own: unique-value reservations (slugs, emails,
 * type names) and a portal's seats. Global like the infrastructure: any workflow may need them.
 */
@Global()
@Module({
  providers: [
    {
      provide: UniqueValues,
      useFactory: (c: StreamCommands) => new UniqueValues(c),
      inject: [StreamCommands],
    },
    { provide: PortalSeats, useFactory: (c: StreamCommands) => new PortalSeats(c), inject: [StreamCommands] },
  ],
  exports: [UniqueValues, PortalSeats],
})
export class SharedStreamsModule {}
