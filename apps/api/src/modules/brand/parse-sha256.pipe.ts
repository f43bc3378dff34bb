import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/** A SHA-256 in hex, as the logo's address carries it. */
@Injectable()
export class ParseSha256Pipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[0-9a-f]{64}$/.test(value)) throw new BadRequestException({ code: 'invalid', message: 'This is not a logo address' });
    return value;
  }
}
