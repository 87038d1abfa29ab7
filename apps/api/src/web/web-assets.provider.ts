import { Injectable, Logger } from '@nestjs/common';
import { ProblemException } from '../http/problem';
import { WebAssets } from './web-assets';
import { webAssetsDirectory } from './web-assets-directory';

/** Loads the compiled portal once, on its first request; a missing build is a 503 until it exists. */
@Injectable()
export class WebAssetsProvider {
  private readonly logger = new Logger('WebPortal');
  private loading: Promise<WebAssets> | null = null;
  private readonly directory = webAssetsDirectory();

  async get(): Promise<WebAssets> {
    this.loading ??= WebAssets.load(this.directory);
    try {
      return await this.loading;
    } catch (error) {
      this.loading = null;
      this.logger.warn(`web portal not available: ${error instanceof Error ? error.message : String(error)}`);
      throw ProblemException.of(
        503,
        'web_portal_not_built',
        'The web portal has not been built on this server (npm run build).',
      );
    }
  }
}
