import { Module } from '@nestjs/common';
import { WebAssetsProvider } from './web-assets.provider';
import { WebPortalController } from './web-portal.controller';

/** Serves the customer web portal (apps/web, compiled to dist/web) beside the JSON API. */
@Module({ controllers: [WebPortalController], providers: [WebAssetsProvider] })
export class WebModule {}
