import { Global, Module } from '@nestjs/common';
import { StreamCommands } from '@portal/commands';
import { PortalSeats } from './portal-seats';
import { UniqueValues } from './unique-values';
import { ReservationStreams } from './reservation-streams';
import type { ServiceConfig } from '@portal/platform';
import { SERVICE_CONFIG } from '../infrastructure/tokens';

/**
 * Streams several features write besides their own: unique-value reservations (slugs, emails,
 * type names) and a portal's seats. Global like the infrastructure: any workflow may need them.
 */
@Global()
@Module({
  providers: [
    {
      provide: ReservationStreams,
      useFactory: (config: ServiceConfig) => new ReservationStreams(config.dataKey ?? config.jwtSecret),
      inject: [SERVICE_CONFIG],
    },
    {
      provide: UniqueValues,
      useFactory: (c: StreamCommands, s: ReservationStreams) => new UniqueValues(c, s),
      inject: [StreamCommands, ReservationStreams],
    },
    { provide: PortalSeats, useFactory: (c: StreamCommands) => new PortalSeats(c), inject: [StreamCommands] },
  ],
  exports: [UniqueValues, PortalSeats, ReservationStreams],
})
export class SharedStreamsModule {}
