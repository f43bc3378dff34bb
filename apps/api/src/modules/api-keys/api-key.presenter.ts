import type { ApiKeyRow } from './api-keys.repository';
import type { ApiKeyResponse, CreatedApiKeyResponse } from './dto/api-key.response';

/** Owners and managers are the only audience: a key's row, never its hash. */
export const presentApiKey = (row: ApiKeyRow): ApiKeyResponse => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scope: row.scope,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  expiresAt: row.expiresAt,
  revokedAt: row.revokedAt,
});

export const presentCreatedApiKey = (row: ApiKeyRow, secret: string): CreatedApiKeyResponse => ({ ...presentApiKey(row), secret });
