import type { Screen } from '../../stores/nav-store.js';
import { AboutScreen } from '../about/about-screen.js';
import { CertifyScreen } from '../certify/certify-screen.js';
import { DirectoriesScreen } from '../directories/directories-screen.js';
import { ExchangeScreen } from '../exchange/exchange-screen.js';
import { IssueScreen } from '../issue/issue-screen.js';
import { JournalScreen } from '../journal/journal-screen.js';
import { ReportsScreen } from '../reports/reports-screen.js';
import { SettingsScreen } from '../settings/settings-screen.js';
import { TemplatesScreen } from '../templates/templates-screen.js';
import { VerifyScreen } from '../verify/verify-screen.js';

/** One component per navigation entry. */
export function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'issue':
      return <IssueScreen />;
    case 'certify':
      return <CertifyScreen />;
    case 'journal':
      return <JournalScreen />;
    case 'directories':
      return <DirectoriesScreen />;
    case 'templates':
      return <TemplatesScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'verify':
      return <VerifyScreen />;
    case 'exchange':
      return <ExchangeScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'about':
      return <AboutScreen />;
  }
}
