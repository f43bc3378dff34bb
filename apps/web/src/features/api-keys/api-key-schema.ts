import { z } from 'zod/mini';
import { API_KEY_SCOPES } from '@candor/domain';

/** The create form's rules: the API's own (a name of 1 to 100 characters, one of the scopes). */
export const apiKeySchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  scope: z.enum(API_KEY_SCOPES),
});
export type ApiKeyForm = z.infer<typeof apiKeySchema>;
