import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers } from './app/providers';
import { AppRouter } from './app/router';
import { startI18n } from './lib/i18n/i18n';
import './app/styles/base.css';
import './app/styles/shell.css';
import './app/styles/forms.css';
import './app/styles/content.css';
import './app/styles/work.css';
import './app/styles/timesheets.css';
import './app/styles/disclosures.css';
import './app/styles/disclosure-activity.css';
import './app/styles/deliverables.css';
import './app/styles/profile.css';
import './app/styles/portal-address.css';
import './app/styles/security.css';
import './app/styles/brand.css';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

// The reader's catalog arrives before the first paint: nothing flashes in the wrong language.
void startI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <Providers>
        <AppRouter />
      </Providers>
    </StrictMode>,
  );
});
