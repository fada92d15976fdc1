import { useState } from 'react';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../lib/forms.ts';
import { ErrorNotice } from '../../../components/status.tsx';
import type { NotificationDetail } from '../lib/types.ts';
import { useNotificationAction } from './useNotificationAction.ts';

type Props = {
  id: string;
  /** Names the form and its send button. */
  label: string;
  textLabel: string;
  /** The body field the text is sent as, for the server's message about it. */
  field: 'comment' | 'reason';
  required: boolean;
  danger?: boolean;
  post: (text: string, key: string) => Promise<NotificationDetail>;
  onClose: () => void;
};

/** A step that takes a few words: returning to the author with comments, withdrawing with a reason, closing. */
export function CommentForm({ id, label, textLabel, field, required, danger, post, onClose }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const action = useNotificationAction(id, (_: void, key) => post(text.trim(), key), onClose);
  return (
    <form
      noValidate
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        action.mutate();
      }}
    >
      <Stack gap="xs">
        <ErrorNotice error={action.error} />
        <Textarea
          label={textLabel}
          required={required}
          autosize
          minRows={2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={fieldErrors(action.error)(field)}
          autoFocus
        />
        <Group gap="xs">
          <Button type="submit" color={danger ? 'red.9' : undefined} loading={action.isPending}>
            {label}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
