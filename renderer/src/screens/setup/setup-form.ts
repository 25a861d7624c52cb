import { z } from 'zod';
import { setupChannels } from '../../../../shared/contract/channels/setup.js';

/** The setup channel's own input schema, plus the password typed a second time. */
export const setupFormSchema = z
  .object({ setup: setupChannels['setup.run'].input, passwordRepeat: z.string() })
  .refine((form) => form.setup.head.password === form.passwordRepeat, {
    path: ['passwordRepeat'],
    message: 'ui.setup.passwordMismatch',
  });

export type SetupFormInput = z.input<typeof setupFormSchema>;
export type SetupFormOutput = z.output<typeof setupFormSchema>;

export const requisiteFields = [
  'councilName',
  'executiveCommitteeName',
  'cnapDepartmentName',
  'region',
  'address',
  'phone',
  'email',
  'website',
  'registerDepartment',
] as const;

/** The wizard's steps and the fields each one checks before moving on. */
export const setupSteps = [
  { id: 'requisites', fields: requisiteFields.map((field) => `setup.requisites.${field}` as const) },
  {
    id: 'office',
    fields: ['setup.centralOffice.name', 'setup.centralOffice.code', 'setup.journal.index', 'setup.journal.title'] as const,
  },
  {
    id: 'head',
    fields: [
      'setup.head.login',
      'setup.head.fullName',
      'setup.head.password',
      'passwordRepeat',
      'setup.signatory.fullName',
      'setup.signatory.position',
      'setup.signatory.sealName',
    ] as const,
  },
] as const;

export const emptySetupForm: SetupFormInput = {
  setup: {
    requisites: {
      councilName: '',
      executiveCommitteeName: '',
      cnapDepartmentName: '',
      region: '',
      address: '',
      phone: '',
      email: '',
      website: '',
      registerDepartment: '',
    },
    centralOffice: { name: '', code: '' },
    journal: { index: '', title: '' },
    head: { login: '', fullName: '', password: '' },
    signatory: { fullName: '', position: '', sealName: '' },
  },
  passwordRepeat: '',
};

/** The first signatory is optional: left wholly blank, it is not sent (and not checked). */
export function withoutBlankSignatory(values: SetupFormInput): SetupFormInput {
  const signatory = values.setup.signatory;
  if (signatory && Object.values(signatory).some((text) => text.trim() !== '')) return values;
  const { signatory: _blank, ...setup } = values.setup;
  return { ...values, setup };
}
