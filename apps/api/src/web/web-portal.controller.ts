import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../http/problem';
import { WebAssetsProvider } from './web-assets.provider';
import { portalAsset, portalPage, sharedRecordPage, type WebResponse } from './web-responses';

/**
 * The customer web portal: every /portal/{slug}/… path answers the same page (the browser routes),
 * and /portal-assets/… its compiled modules and styles. Public: the page calls the JSON API itself
 * with the user's bearer token, like any other client.
 */
@ApiExcludeController()
@Controller()
export class WebPortalController {
  constructor(private readonly assets: WebAssetsProvider) {}

  @Get('portal/:slug')
  async portalRoot(@Param('slug') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return send(reply, portalPage(await this.assets.get(), slug, ifNoneMatch(request)));
  }

  @Get('portal/:slug/*')
  async portalPage(@Param('slug') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return send(reply, portalPage(await this.assets.get(), slug, ifNoneMatch(request)));
  }

  /** A share link as sent by email: the page renders the record from GET /v1/shared/{token}. */
  @Get('s/:token')
  async sharedRecord(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return send(reply, sharedRecordPage(await this.assets.get(), ifNoneMatch(request)));
  }

  @Get('portal-assets/*')
  async asset(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const path = (request.params as { '*'?: string })['*'] ?? '';
    return send(reply, portalAsset(await this.assets.get(), path, ifNoneMatch(request)));
  }
}

function ifNoneMatch(request: FastifyRequest): string | undefined {
  const value = request.headers['if-none-match'];
  return typeof value === 'string' ? value : undefined;
}

function send(reply: FastifyReply, response: WebResponse) {
  if (response.status === 404) throw ProblemException.of(404, 'not_found', 'No such page or file.');
  return reply
    .status(response.status)
    .headers(response.headers)
    .send(response.body ?? undefined);
}
