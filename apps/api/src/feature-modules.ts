import type { Type } from '@nestjs/common';
import { HealthModule } from './health/health.module';

/** The API's feature modules, one per area of shared/API.md. Add a module here to serve it. */
export const FEATURE_MODULES: Type[] = [HealthModule];
