import { BadRequestException } from '@nestjs/common';
import { decodeCursor, encodeCursor } from './keyset-cursor';

describe('keyset cursor', () => {
  it('round-trips a position', () => {
    const position = { at: new Date('2026-11-23T08:00:00.000Z'), id: '0b7f1a9e-4c1d-4e55-9a57-1d3c1c0f4b11' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuses a tampered cursor with a 400', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(BadRequestException);
    expect(() =>
      decodeCursor(Buffer.from('+275760-09-13T00:00:00.000Z|00000000-0000-4000-8000-000000000000').toString('base64url')),
    ).toThrow(/cursor is not valid/);
    expect(() => decodeCursor(Buffer.from('2026-11-23T08:00:00Z|x').toString('base64url'))).toThrow(/cursor is not valid/);
  });
});
