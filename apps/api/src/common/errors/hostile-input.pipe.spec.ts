import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BadInputException } from './api-error';
import { HostileInputPipe, MAX_INPUT_DEPTH } from './hostile-input.pipe';

class InnerDto {
  @ApiPropertyOptional() limit?: number;
}

class OuterDto {
  @ApiProperty() name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) dueAt?: string | null;
  @ApiPropertyOptional({ type: InnerDto }) settings?: InnerDto;
}

const problems = (value: unknown, type: 'body' | 'query' | 'param' = 'body', data?: string) => {
  try {
    new HostileInputPipe().transform(value, { type, metatype: OuterDto, data });
    return [];
  } catch (error) {
    if (!(error instanceof BadInputException)) throw error;
    return error.items.map(({ code, field }) => ({ code, field }));
  }
};

describe('HostileInputPipe', () => {
  it('lets ordinary input through, with null only where the DTO says nullable', () => {
    expect(problems({ name: 'Acme 🚀', dueAt: null, settings: { limit: 3 } })).toEqual([]);
  });

  it('names each field holding NUL, a lone surrogate, only spaces, or a null it does not take', () => {
    expect(problems({ name: 'a\u0000', settings: null, other: ['ok', '\ud83d'], more: ' \n' })).toEqual([
      { code: 'invalid_characters', field: 'name' },
      { code: 'required', field: 'settings' },
      { code: 'invalid_characters', field: 'other[1]' },
      { code: 'blank', field: 'more' },
    ]);
    expect(problems('x\udc00', 'param', 'id')).toEqual([{ code: 'invalid_characters', field: 'id' }]);
  });

  it('stops at the depth limit instead of recursing', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(problems({ name: deep })).toEqual([{ code: 'too_deep', field: `name${'[0]'.repeat(MAX_INPUT_DEPTH - 1)}` }]);
  });
});
