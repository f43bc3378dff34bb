import { Foundation1764000000000 } from './1764000000000-Foundation';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [Foundation1764000000000];
