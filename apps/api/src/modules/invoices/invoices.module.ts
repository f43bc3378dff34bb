import { Module } from '@nestjs/common';
import { BrandModule } from '../brand/brand.module';
import { ClientAccountsModule } from '../client-accounts/client-accounts.module';
import { CreditNotesService } from './credit-notes.service';
import { InvoiceDraftsService } from './invoice-drafts.service';
import { InvoiceLifecycleController } from './invoice-lifecycle.controller';
import { InvoiceLifecycleService } from './invoice-lifecycle.service';
import { InvoiceNotifier } from './invoice.notifier';
import { InvoiceSourcesRepository } from './invoice-sources.repository';
import { InvoicesController } from './invoices.controller';
import { InvoicesRepository } from './invoices.repository';
import { InvoicesService } from './invoices.service';

@Module({
  imports: [ClientAccountsModule, BrandModule],
  controllers: [InvoicesController, InvoiceLifecycleController],
  providers: [
    InvoicesRepository,
    InvoiceSourcesRepository,
    InvoicesService,
    InvoiceDraftsService,
    InvoiceLifecycleService,
    CreditNotesService,
    InvoiceNotifier,
  ],
})
export class InvoicesModule {}
