import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import { PreconditionFailed } from '@portal/commands';
import { DomainError } from '@portal/domain';
import { WrongExpectedRevision } from '@portal/event-store';
import { PROBLEM_CONTENT_TYPE, Problem, ProblemException, problem } from './problem';
import { fastifyProblemCode, type ApiProblemCode } from './problem-codes';
import { zodIssuesToErrors } from './zod-validation.pipe';

const DOMAIN_STATUS = { invalid: 422, 'not-found': 404, forbidden: 403, conflict: 409 } as const;

/** Every error leaves the API as an RFC 9457 problem document; nothing unexpected leaks details. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toProblem(exception);
    if (body.status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof DomainError) {
      return problem(DOMAIN_STATUS[exception.kind], exception.code, exception.message, exception.errors);
    }
    if (exception instanceof PreconditionFailed) {
      return problem(412, 'precondition_failed', exception.message);
    }
    if (exception instanceof ZodError) {
      return problem(
        400,
        'validation_failed',
        'The request is not valid.',
        zodIssuesToErrors(exception.issues),
      );
    }
    if (exception instanceof WrongExpectedRevision) {
      return problem(
        409,
        'concurrent_modification',
        'The record was changed by someone else meanwhile; reload and retry.',
      );
    }
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
    if (
      typeof fastifyError?.statusCode === 'number' &&
      fastifyError.statusCode >= 400 &&
      fastifyError.statusCode < 500
    ) {
      // Fastify's own refusals: broken JSON, body too large, unsupported media type.
      return problem(
        fastifyError.statusCode,
        fastifyProblemCode(fastifyError.code),
        fastifyError.message ?? 'Bad request',
      );
    }
    return problem(500, 'internal_error', 'Something went wrong on our side.');
  }

  private fromHttpException(exception: HttpException): Problem {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : typeof (response as { message?: unknown }).message === 'string'
          ? (response as { message: string }).message
          : exception.message;
    const code: ApiProblemCode =
      status === 404
        ? 'not_found'
        : status === 401
          ? 'unauthorized'
          : status === 403
            ? 'forbidden'
            : 'http_error';
    return problem(status, code, message);
  }
}
