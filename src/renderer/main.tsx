import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { useGlobalStyles } from './theme/global-styles';
import { useColorScheme } from './theme/use-color-scheme';

function Root() {
  useGlobalStyles();
  const scheme = useColorScheme();
  return (
    <FluentProvider
      theme={scheme === 'dark' ? webDarkTheme : webLightTheme}
      data-theme={scheme}
      style={{ height: '100%' }}
    >
      <App />
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
