import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BadRequestException } from '@nestjs/common';
import { summaryOf } from './plain-messages';

/**
 * One problem with a request. `code` is stable and is what the web translates; `field` is the path of
 * the input it concerns (`settings.timerLimitHours`, `files[0]`), absent when it concerns the request
 * as a whole; `message` is plain English for people reading logs or calling the API by hand.
 */
export class ApiErrorItem {
  @ApiProperty({ example: 'too_long' }) code: string;
  @ApiPropertyOptional({ example: 'name' }) field?: string;
  @ApiProperty({ example: 'This field must be shorter than or equal to 200 characters.' }) message: string;
}

/** Every error answer has this shape, whatever raised it. */
export class ApiErrorBody {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }) message: string | string[];
  @ApiProperty({ type: [ApiErrorItem] }) errors: ApiErrorItem[];
}

/** A 400 that already knows its codes and fields (raised by the input pipes); `summaries` name the fields in words. */
export class BadInputException extends BadRequestException {
  constructor(
    readonly items: ApiErrorItem[],
    summaries: string[] = items.map(summaryOf),
  ) {
    super(summaries.length === 1 ? summaries[0] : summaries);
  }
}

export const badInput = (code: string, field: string | undefined, message: string) =>
  new BadInputException([{ code, ...(field !== undefined && { field }), message }]);
