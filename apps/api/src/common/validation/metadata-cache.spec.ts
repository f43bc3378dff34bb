import { IsInt, IsOptional, IsString, Min, getMetadataStorage, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './metadata-cache';

class PageQuery {
  @IsOptional() @IsInt() @Min(1) limit?: number;
}

class SearchQuery extends PageQuery {
  @IsString() q!: string;
}

const messages = (object: object) =>
  validateSync(object, { whitelist: true, forbidNonWhitelisted: true }).flatMap((e) => Object.values(e.constraints ?? {}));

describe('cacheValidationMetadata', () => {
  // class-validator's own lookup (the registry walk), spied before the cache wraps it.
  let walks: jest.SpyInstance;
  beforeAll(() => {
    walks = jest.spyOn(getMetadataStorage(), 'getTargetValidationMetadatas');
    cacheValidationMetadata();
  });

  it('validates as class-validator does, inherited rules included, and walks the registry once per class', () => {
    const search = Object.assign(new SearchQuery(), { q: 'invoices', limit: 0, extra: 1 });
    expect(messages(search)).toEqual(['property extra should not exist', 'limit must not be less than 1']);
    expect(messages(Object.assign(new SearchQuery(), { q: 'invoices', limit: 2 }))).toEqual([]);
    expect(messages(Object.assign(new PageQuery(), { q: 'not on a page query' }))).toEqual(['property q should not exist']);
    expect(walks).toHaveBeenCalledTimes(2);
  });

  it('forgets what it remembered when a class with rules is loaded later', () => {
    expect(messages(Object.assign(new SearchQuery(), { q: 'a', sort: 'asc' }))).toEqual(['property sort should not exist']);
    class SortedSearch extends SearchQuery {
      @IsOptional() @IsString() sort?: string;
    }
    // Walked again: the new class's rules could have been inherited ones.
    expect(messages(Object.assign(new SearchQuery(), { q: 'a', sort: 'asc' }))).toEqual(['property sort should not exist']);
    expect(walks).toHaveBeenCalledTimes(3);
    expect(messages(Object.assign(new SortedSearch(), { q: 'a', sort: 'asc' }))).toEqual([]);
    expect(messages(Object.assign(new SortedSearch(), { q: 'a', sort: 3 }))).toEqual(['sort must be a string']);
    expect(walks).toHaveBeenCalledTimes(4);
  });
});
