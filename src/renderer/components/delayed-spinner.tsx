import { Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

/** Work that ends within 300 ms shows nothing; slower work shows a labelled spinner. */
export const SLOW_AFTER_MS = 300;

export function DelayedSpinner({ label }: { readonly label: string }) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setVisible(true), SLOW_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return visible ? <Spinner size="small" label={label} role="status" /> : null;
}
