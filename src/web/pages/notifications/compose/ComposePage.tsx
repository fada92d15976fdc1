import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useWritingScript } from '../../../lib/shownScript.ts';
import { ComposeForm } from './ComposeForm.tsx';
import { emptyValues } from './values.ts';

/** A new notification, written in the officer's script. */
export function ComposePage() {
  const { t } = useTranslation();
  const writing = useWritingScript();
  usePageTitle(t('notifications.new'));
  return <ComposeForm initial={emptyValues(writing)} id={null} heading={t('notifications.new')} />;
}
