import { useState } from 'react';
import { Alert, Button, Paper, Stack, TextInput, Title } from '@mantine/core';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { fieldErrors } from '../../lib/forms.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useLogIn, useMe } from '../../session.ts';

/** Only same-site paths are followed after logging in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { me } = useMe();
  const logIn = useLogIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));

  if (me && !logIn.isSuccess) return <Navigate to={next} replace />;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    logIn.mutate({ username, password }, { onSuccess: () => navigate(next, { replace: true }) });
  };
  const fieldError = fieldErrors(logIn.error);

  return (
    <Paper withBorder p="lg" maw={420} mx="auto" mt="lg">
      <form onSubmit={submit} noValidate aria-labelledby="login-title">
        <Stack>
          <Title order={1} size="h2" id="login-title">
            {t('login.title')}
          </Title>
          {logIn.error && (
            <Alert color="red" role="alert">
              {logIn.error instanceof ApiError ? logIn.error.message : t('errors.unexpected')}
            </Alert>
          )}
          <TextInput
            label={t('login.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={fieldError('username')}
          />
          <PasswordField
            label={t('login.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError('password')}
          />
          <Button type="submit" loading={logIn.isPending}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
