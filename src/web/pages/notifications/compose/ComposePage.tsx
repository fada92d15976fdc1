import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/localized.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { writingScript } from '../lib/script.ts';
import { ComposeForm } from './ComposeForm.tsx';
import { emptyValues } from './values.ts';

/** A new notification, written in the officer's script. */
export function ComposePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  usePageTitle(t('notifications.new'));
  return <ComposeForm initial={emptyValues(writingScript(locale))} id={null} heading={t('notifications.new')} />;
}
