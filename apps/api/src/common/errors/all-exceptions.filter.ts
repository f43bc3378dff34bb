import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { STATUS_CODES as HTTP_REASONS } from 'node:http';
import { describeDatabaseError } from '../database-errors';
import { BadInputException, type ApiErrorBody, type ApiErrorItem } from './api-error';
import { plainSentence } from './plain-messages';

/** Seconds a 503 asks the caller to wait before trying again. */
export const RETRY_AFTER_SECONDS = 1;

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  410: 'gone',
  413: 'too_large',
  415: 'unsupported_type',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'unavailable',
};

const codeFor = (status: number) => STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'bad_request');

function itemsOf(exception: HttpException, status: number): { message: string | string[]; items: ApiErrorItem[] } {
  const response = exception.getResponse();
  const message: string | string[] =
    typeof response === 'string' ? response : ((response as { message?: string | string[] }).message ?? exception.message);
  if (exception instanceof BadInputException) return { message, items: exception.items };
  const given = typeof response === 'object' ? (response as { code?: unknown; field?: unknown }) : {};
  const code = typeof given.code === 'string' ? given.code : codeFor(status);
  const field = typeof given.field === 'string' ? given.field : undefined;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- `message` is cast above, not checked: a thrower may put anything there
  const items = (Array.isArray(message) ? message : [message]).map((text) => ({ code, ...(field && { field }), message: String(text) }));
  return { message, items };
}

/**
 * The one place an error becomes an answer: every error has the same body (`statusCode`, `error`,
 * `message`, `errors[{ code, field, message }]`), whose messages are plain sentences. Database refusals of bad values are 400, a lost
 * database connection is 503 with Retry-After, and anything unexpected is a 500 that says nothing
 * internal (it is logged with the request id instead).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    let status: number;
    let message: string | string[];
    let items: ApiErrorItem[];
    if (exception instanceof HttpException) {
      status = exception.getStatus();
      ({ message, items } = itemsOf(exception, status));
    } else {
      const refusal = describeDatabaseError(exception);
      status = refusal?.status ?? HttpStatus.INTERNAL_SERVER_ERROR;
      message = refusal?.message ?? 'Something went wrong on our side; it has been logged';
      items = [{ code: refusal?.code ?? 'internal', ...(refusal?.field && { field: refusal.field }), message }];
      if (!refusal || status >= 500)
        this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (status === (HttpStatus.SERVICE_UNAVAILABLE as number)) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    // Extra properties an exception carries (e.g. the allowed next states of a refused step) are kept.
    const extra =
      exception instanceof HttpException && typeof exception.getResponse() === 'object' ? (exception.getResponse() as object) : {};
    // Whoever raised it, the text a person reads names no field, role or state identifier.
    const plainMessage = Array.isArray(message) ? message.map((text) => plainSentence(text)) : plainSentence(message);
    const plainItems = items.map((item) => ({ ...item, message: plainSentence(item.message) }));
    const body: ApiErrorBody = {
      error: HTTP_REASONS[status] ?? 'Error',
      ...extra,
      statusCode: status,
      message: plainMessage,
      errors: plainItems,
    };
    void reply.status(status).send(body);
  }
}
