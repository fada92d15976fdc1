import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';
import { notificationsApi } from '../lib/api.ts';
import { ComposeForm } from './ComposeForm.tsx';
import { valuesOf } from './values.ts';

/** A draft (or one returned by the approver) opened again for editing. */
export function EditDraftPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  usePageTitle(t('notifications.compose.edit'));
  const notification = useQuery({ queryKey: ['notification', id], queryFn: () => notificationsApi.get(id) });
  if (notification.isPending) return <Loading />;
  if (notification.error) return <ErrorNotice error={notification.error} />;
  const n = notification.data;
  if (!n.can.edit) {
    return (
      <Alert color="gray">
        {n.status === 'draft' || n.status === 'returned' ? t('notifications.compose.cannotEdit') : t('notifications.compose.notADraft')}{' '}
        <Anchor component={Link} to={`/notifications/${n.id}`}>
          {t('notifications.compose.open')}
        </Anchor>
      </Alert>
    );
  }
  const saved = (location.state as { saved?: boolean } | null)?.saved;
  return (
    <ComposeForm
      key={n.id}
      initial={valuesOf(n)}
      id={n.id}
      heading={t('notifications.compose.edit')}
      saved={saved}
      returnComment={n.status === 'returned' ? n.returnComment : null}
      attached={n.attachments}
    />
  );
}
