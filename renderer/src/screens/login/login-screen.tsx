import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Container, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { authChannels } from '../../../../shared/contract/channels/auth.js';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { useSessionStore } from '../../stores/index.js';
import { asDeskError } from '../../stores/session-store.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useFieldError } from '../../components/field-error.js';
import { enterToNext } from '../../hooks/use-enter-to-next.js';

const loginFormSchema = authChannels['auth.login'].input;
type LoginForm = z.input<typeof loginFormSchema>;

/** Login, and the idle lock (same form, login fixed: only the password is asked again). */
export function LoginScreen({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const login = useSessionStore((state) => state.login);
  const lockedLogin = useSessionStore((state) => state.lockedLogin);
  const logout = useSessionStore((state) => state.logout);
  const trainingLogin = useSessionStore((state) => state.appInfo?.trainingLogin);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const { register, handleSubmit, formState } = useForm<LoginForm, unknown, z.output<typeof loginFormSchema>>({
    resolver: zodResolver(loginFormSchema),
    defaultValues: { login: locked ? (lockedLogin ?? '') : '', password: '' },
  });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await login(values.login, values.password);
    } catch (caught) {
      setFailure(asDeskError(caught));
    }
  });

  return (
    <Container size={440} py={48}>
      <Paper withBorder p="xl" shadow="xs">
        <form onSubmit={(event) => void submit(event)} onKeyDown={enterToNext} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {locked ? t('ui.login.lockedTitle') : t('ui.login.title')}
            </Title>
            {locked && (
              <Alert color="blue" variant="light">
                {t('ui.login.lockedHint')}
              </Alert>
            )}
            {trainingLogin && !locked && (
              <Alert color="orange" variant="light">
                {t('ui.login.trainingHint', trainingLogin)}
              </Alert>
            )}
            <TextInput
              label={t('ui.login.login')}
              autoComplete="username"
              readOnly={locked && Boolean(lockedLogin)}
              autoFocus={!locked}
              {...register('login')}
              error={fieldError(formState.errors.login)}
            />
            <PasswordInput
              label={t('ui.login.password')}
              autoComplete="current-password"
              autoFocus={locked}
              {...register('password')}
              error={fieldError(formState.errors.password)}
            />
            <ErrorAlert error={failure} />
            <Button type="submit" loading={formState.isSubmitting}>
              {locked ? t('ui.login.unlock') : t('ui.login.submit')}
            </Button>
            {locked && (
              <Button variant="subtle" onClick={() => void logout()}>
                {t('ui.login.switchUser')}
              </Button>
            )}
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
