import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { insertNotifications, withTenant, type User } from '@candor/db';
import { seal } from '@candor/domain-node';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { PortalLinks } from '../../common/portal-links';
import { TenantRepository } from '../tenant/tenant.repository';

export interface AccountEmail {
  /** The workspace the email is sent under (its name signs it; the outbox row belongs to it). */
  tenantId: string;
  template:
    | 'email_confirm'
    | 'signup_existing'
    | 'password_reset'
    | 'magic_link'
    | 'email_change_confirm'
    | 'email_change_notice'
    | 'password_changed';
  to: { email: string; userId: string | null; displayName: string; locale: string };
  /** A page of the web app with its query; sealed in the outbox row, since it often carries a secret. */
  link: { path: string; query?: Record<string, string> };
  vars?: Record<string, unknown>;
  /** Other secrets (the 6-digit code), sealed the same way. */
  secrets?: Record<string, string>;
}

/** An account email's recipient: the person, at the address of their account. */
export const recipientOf = (user: User): AccountEmail['to'] => ({
  email: user.email,
  userId: user.id,
  displayName: user.displayName,
  locale: user.locale,
});

/** Account emails go through the outbox like every other email; their secrets are sealed. */
@Injectable()
export class AuthMailerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly links: PortalLinks,
    private readonly tenants: TenantRepository,
  ) {}

  async send(email: AccountEmail): Promise<void> {
    const key = this.config.DATA_ENCRYPTION_KEY;
    await withTenant(this.dataSource, email.tenantId, async (manager) => {
      // The link opens at the workspace's portal address, so the page shows the agency it is for.
      const link = await this.links.url(manager, email.tenantId, email.link.path, email.link.query);
      const sealed: Record<string, string> = { url: seal(link, key) };
      for (const [name, value] of Object.entries(email.secrets ?? {})) sealed[name] = seal(value, key);
      const tenant = await this.tenants.get(manager, email.tenantId);
      await insertNotifications(manager, [
        {
          tenantId: email.tenantId,
          template: email.template,
          recipientEmail: email.to.email,
          recipientUserId: email.to.userId,
          locale: email.to.locale,
          payload: { ...email.vars, recipientName: email.to.displayName, tenantName: tenant.name, sealed },
        },
      ]);
    });
  }
}
