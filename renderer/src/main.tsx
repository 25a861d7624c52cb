import './zod-config.js';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { initI18n } from './i18n/index.js';
import { App } from './app.js';
import { cssVariablesResolver, theme } from './theme.js';

async function boot(): Promise<void> {
  await initI18n();
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <App />
      </MantineProvider>
    </StrictMode>,
  );
}

void boot();
