import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { Strategy } from 'passport-strategy';
import { DataSource } from 'typeorm';
import { API_KEY_PREFIX, type Actor } from '@candor/domain';
import { apiKeyHash } from './api-key-secret';
import { ApiKeysRepository } from './api-keys.repository';

interface HeaderRequest {
  headers: Record<string, string | string[] | undefined>;
}

/** The key a request carries: `Authorization: Bearer cnd_live_…` or `X-Api-Key: cnd_live_…`; undefined for none. */
export function apiKeyOf(req: HeaderRequest): string | undefined {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string') return header.trim();
  const authorization = req.headers['authorization'];
  const bearer = typeof authorization === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] : undefined;
  return bearer?.startsWith(API_KEY_PREFIX) ? bearer : undefined;
}

type Verify = (key: string, done: (error: Error | null, actor?: Actor | false | null) => void) => void;

/** A passport strategy that hands the request's API key to `verify`, and passes the request on when it has none. */
class HeaderApiKeyStrategy extends Strategy {
  constructor(private readonly verify: Verify) {
    super();
  }

  override authenticate(req: HeaderRequest): void {
    const key = apiKeyOf(req);
    if (key === undefined) {
      this.fail('no API key', 401);
      return;
    }
    this.verify(key, (error, actor) => {
      if (error) {
        this.error(error);
        return;
      }
      if (actor) this.success(actor);
      else this.fail('API key refused', 401);
    });
  }
}

const REFUSED = { code: 'invalid_api_key', message: 'This API key is not valid: it may have been revoked or have expired' };

/**
 * An integration's key, beside the JWT strategy in the one authentication guard. The key is looked up
 * by its sha-256 (security-definer function: the tenant is not known yet); a revoked or expired key, or
 * one whose creator is no longer an owner or manager, answers 401 on its next request. The key acts as a
 * manager of its tenant limited by its scope (libs/domain `defineAbilityFor`), never as a person.
 */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(HeaderApiKeyStrategy, 'api-key') {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: ApiKeysRepository,
  ) {
    super();
  }

  async validate(key: string): Promise<Actor> {
    const hash = apiKeyHash(key);
    const row = hash !== null ? await this.keys.actor(this.dataSource.manager, hash) : undefined;
    // Found by equality on the sha-256 of a 256-bit secret: timing reveals nothing usable about the key.
    if (!row?.key_usable) throw new UnauthorizedException(REFUSED);
    return {
      userId: row.key_created_by,
      tenantId: row.key_tenant_id,
      role: 'manager',
      clientAccountId: null,
      apiKey: { id: row.key_id, name: row.key_name, scope: row.key_scope },
    };
  }
}
